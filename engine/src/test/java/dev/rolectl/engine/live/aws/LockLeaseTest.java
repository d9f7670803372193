package dev.rolectl.engine.live.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * The holder's side of the lease: it stops starting changes a margin before the lease it wrote
 * ends, a renewal answered after that counts for nothing, and a lost lease stays lost.
 */
class LockLeaseTest {
  private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");
  private static final Duration LEASE = Duration.ofMinutes(10);

  @Test
  void theDeadlineIsAMarginBeforeTheWrittenLeaseEnds() {
    LockLease l = new LockLease(LEASE, T0);
    assertEquals(Duration.ofMinutes(3), l.margin());
    assertEquals(T0.plus(LEASE), l.expires());
    assertEquals(T0.plus(Duration.ofMinutes(7)), l.deadline());
    assertTrue(l.heldAt(T0.plus(Duration.ofMinutes(7)).minusMillis(1)));
    assertFalse(l.heldAt(T0.plus(Duration.ofMinutes(7))));
    assertTrue(l.lost().startsWith("its lease could not be renewed in time"), l.lost());
  }

  @Test
  void aRenewalAnsweredInTimeMovesTheLeaseFromWhenItWasSent() {
    LockLease l = new LockLease(LEASE, T0);
    Instant sent = T0.plus(Duration.ofMinutes(5));
    assertTrue(l.renewed(sent, sent.plusSeconds(30)));
    assertEquals(sent.plus(LEASE), l.expires(), "the lease IAM holds counts from the send");
    assertEquals(sent.plus(Duration.ofMinutes(7)), l.deadline());
    assertNull(l.lost());
  }

  @Test
  void aRenewalAnsweredAfterTheDeadlineLosesTheLeaseForGood() {
    LockLease l = new LockLease(LEASE, T0);
    Instant sent = T0.plus(Duration.ofMinutes(6));
    assertFalse(l.renewed(sent, T0.plus(Duration.ofMinutes(7))));
    assertTrue(l.lost().startsWith("its renewal was answered at"), l.lost());
    assertFalse(l.renewed(T0.plus(Duration.ofMinutes(8)), T0.plus(Duration.ofMinutes(8))),
        "never held again");
    assertFalse(l.heldAt(T0));
  }

  @Test
  void renewalsComeFourTimesBeforeTheDeadline() {
    assertEquals(4, LockLease.margin(LEASE).negated().plus(LEASE).toMillis()
        / LockLease.renewEvery(LEASE).toMillis());
  }
}

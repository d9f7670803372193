package dev.rolectl.engine.live.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * When another apply's lock may be taken over before its lease ends: only when its holder is a
 * gone process of the same host name <em>and</em> the same pid space, so that two containers
 * sharing a host name (or {@code --network host}) never take each other's lock.
 */
class AccountLockStaleTest {
  private static final Instant NOW = Instant.parse("2026-11-30T12:00:00Z");
  private static final Instant LEASE = NOW.plusSeconds(300);

  /** A pid that no process has: beyond Linux's pid_max (at most 2^22). */
  private static final String GONE_PID = "99999999";

  private static Map<String, String> holder(String host, String pid, String pidSpace) {
    Map<String, String> tags = new HashMap<>();
    tags.put(AccountLock.TAG_HOST, host);
    tags.put(AccountLock.TAG_PID, pid);
    if (pidSpace != null) {
      tags.put(AccountLock.TAG_PID_SPACE, pidSpace);
    }
    return tags;
  }

  @Test
  void aGoneProcessOfTheSameHostAndPidSpaceIsTakenOverAtOnce() {
    assertEquals("its process " + GONE_PID + " on this host is gone", AccountLock.stale(
        holder("ci-1", GONE_PID, "boot/pid:[1]"), LEASE, NOW, "ci-1", "boot/pid:[1]"));
  }

  @Test
  void theSameHostNameInAnotherPidSpaceIsNotThisHost() {
    assertNull(AccountLock.stale(holder("ci-1", GONE_PID, "boot/pid:[2]"), LEASE, NOW, "ci-1",
        "boot/pid:[1]"), "another container with the same host name: its pid means nothing here");
    assertNull(AccountLock.stale(holder("ci-1", GONE_PID, null), LEASE, NOW, "ci-1",
        "boot/pid:[1]"), "a holder that names no pid space is never known to be gone");
    assertNull(AccountLock.stale(holder("ci-1", GONE_PID, "boot/pid:[1]"), LEASE, NOW, "ci-1",
        null), "where this process's pid space is unknown, neither");
  }

  @Test
  void aLiveProcessIsNotGoneAndAnEndedLeaseIsStaleWhoeverHoldsIt() {
    String self = Long.toString(ProcessHandle.current().pid());
    assertNull(AccountLock.stale(holder("ci-1", self, "s"), LEASE, NOW, "ci-1", "s"));
    assertEquals("its lease ended at " + NOW.minusSeconds(1), AccountLock.stale(
        holder("elsewhere", self, "t"), NOW.minusSeconds(1), NOW, "ci-1", "s"));
  }
}

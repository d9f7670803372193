package dev.rolectl.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The break-glass reason: what it may be, and how CloudTrail sees it. */
class BreakGlassTest {
  @Test
  void aReasonIsAShortPrintableSentence() {
    assertEquals("INC-42 revoke AWS:* trust", BreakGlass.check("  INC-42 revoke AWS:* trust "));
    assertThrows(IllegalArgumentException.class, () -> BreakGlass.check("urgent"));
    assertThrows(IllegalArgumentException.class, () -> BreakGlass.check("INC-42\nrm -rf"));
    assertThrows(IllegalArgumentException.class, () -> BreakGlass.check("x".repeat(201)));
    assertThrows(IllegalArgumentException.class, () -> BreakGlass.check("-------- ::"));
    assertThrows(IllegalArgumentException.class,
        () -> new ApplySettings(8, java.time.Duration.ZERO, "short"));
  }

  @Test
  void itIsWrittenIntoTheUserAgentAndTheRoleSessionName() {
    assertEquals("rolectl-break-glass/INC-42_revoke_AWS:_trust",
        BreakGlass.userAgent("INC-42 revoke AWS:* trust"));
    String session = BreakGlass.sessionName("INC-42 revoke AWS:* trust on " + "x".repeat(80));
    assertEquals(64, session.length());
    assertTrue(session.startsWith("break-glass.INC-42-revoke-AWS-trust-on-x"), session);
    assertTrue(session.matches("[\\w+=,.@-]{2,64}"), session);
    new dev.rolectl.engine.live.TargetOptions.AssumeRole(
        "arn:aws:iam::123456789012:role/r", null, session); // a valid session name
  }
}

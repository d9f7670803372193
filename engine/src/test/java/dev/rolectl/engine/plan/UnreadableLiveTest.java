package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Live documents rolectl cannot model never stop the whole plan (issue 10, case 5). */
class UnreadableLiveTest {
  static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:t.json", Instant.parse("2026-11-30T00:00:00Z"));

  static LiveAccount live(UnreadableDocument... odd) {
    LiveAccount a = new Fixtures.Live().build();
    return new LiveAccount(a.accountId(), a.partition(), Map.of(), Map.of(), List.of(),
        List.of(odd));
  }

  static UnreadableDocument policy(String name) {
    return new UnreadableDocument(UnreadableDocument.Kind.POLICY, name,
        "arn:aws:iam::" + Fixtures.ACCOUNT + ":policy/" + name, "the document says []", null);
  }

  @Test
  void anUndeclaredOddPolicyIsAWarningNamingItsArn() {
    PlanResult r = Differ.plan(stack(role("app")), live(policy("someone-elses")), OPTIONS);
    assertTrue(r.applicable());
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(Severity.WARNING, d.severity());
    assertEquals("live-unreadable-ignored", d.rule());
    assertTrue(d.message().contains("arn:aws:iam::" + Fixtures.ACCOUNT + ":policy/someone-elses"));
    assertEquals(1, r.plan().orElseThrow().changes().size(), "app is still created");
  }

  @Test
  void aDeclaredOddRoleIsAnErrorButTheRestIsPlanned() {
    UnreadableDocument odd = new UnreadableDocument(UnreadableDocument.Kind.ROLE, "App",
        "arn:aws:iam::" + Fixtures.ACCOUNT + ":role/App", "the trust policy of role App is not "
        + "valid JSON at line 1, column 5", null);
    PlanResult r = Differ.plan(stack(role("app"), role("other")), live(odd), OPTIONS);
    assertFalse(r.applicable());
    Plan plan = r.plan().orElseThrow();
    assertEquals(List.of(Address.role("other")),
        plan.changes().stream().map(ResourceChange::address).toList(),
        "app is left out, not created again");
    Diagnostic d = r.diagnostics().get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("live-unreadable", d.rule());
    assertTrue(d.message().contains("arn:aws:iam::" + Fixtures.ACCOUNT + ":role/App"));
    assertTrue(d.message().contains("not valid JSON at line 1, column 5"));
  }
}

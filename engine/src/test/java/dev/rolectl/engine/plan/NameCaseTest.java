package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Case 2 of issue 9: names of roles and policies match as IAM matches them. */
class NameCaseTest {
  private static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:test.json", Instant.parse("2026-11-29T00:00:00Z"));

  @Test
  void someoneElsesRoleWithTheNameInOtherCaseIsNotOurs() {
    var live = new Fixtures.Live().role("deployrole", "/", trust("ecs.amazonaws.com"), Map.of(),
        List.of(), Map.of()).build();
    PlanResult r = Differ.plan(stack(Fixtures.role("DeployRole")), live, OPTIONS);
    assertTrue(r.plan().isEmpty(), "IAM would refuse CreateRole DeployRole");
    Diagnostic d = r.diagnostics().get(0);
    assertEquals("not-managed", d.rule());
    assertEquals(Address.role("DeployRole"), d.address());
    assertEquals(Fixtures.LOC, d.location());
  }

  @Test
  void ourRoleWithTheNameInOtherCaseIsReplacedDeleteFirst() {
    var live = new Fixtures.Live().role("deployrole", "/", trust("ecs.amazonaws.com"),
        owned(Map.of()), List.of(Fixtures.LB_POLICY), Map.of()).build();
    Plan plan = Differ.plan(stack(Fixtures.role("DeployRole"),
        Fixtures.attachment("DeployRole", Fixtures.LB_POLICY)), live, OPTIONS).plan().orElseThrow();
    assertEquals(2, plan.changes().size(), plan.changes()::toString);
    ResourceChange role = plan.changes().stream()
        .filter(c -> c.address().equals(Address.role("DeployRole"))).findFirst().orElseThrow();
    assertEquals(Action.REPLACE, role.action());
    assertEquals("deployrole", ((dev.rolectl.engine.model.Role) role.before()).name());
    assertTrue(role.reason().contains("deleted before the new one is created"), role.reason());
  }

  @Test
  void sameNameInTheSameCaseIsNoChange() {
    var live = new Fixtures.Live().role("DeployRole", "/", trust("ecs.amazonaws.com"),
        owned(Map.of()), List.of(), Map.of()).build();
    Plan plan = Differ.plan(stack(Fixtures.role("DeployRole")), live, OPTIONS).plan().orElseThrow();
    assertTrue(!plan.hasChanges());
  }
}

package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.NOW;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_EC2;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.of;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentlyUsedRuleTest {

  private static Plan deleteRole(String name, java.time.Instant lastUsed, FakeEcs ecs) {
    LiveAccount live =
        new SafetyFixtures.Live()
            .role(
                name,
                name.equals(ROLE) ? TRUST_ECS : TRUST_EC2,
                List.of(),
                Map.of(),
                null,
                lastUsed)
            .build();
    return Safety.check(plan(stack(), live), stack(), live, ecs, CLOCK);
  }

  @Test
  void aRoleUsedMinutesAgoWarnsEvenWithoutEcs() {
    FakeEcs ecs = new FakeEcs();

    Verdict v =
        only(deleteRole("app", NOW.minus(Duration.ofMinutes(12)), ecs), Address.role("app"));

    assertEquals(Level.WARN, v.level());
    assertEquals("role-recently-used", v.rule());
    assertContains(
        v.message(), "Role app was last used 12 minutes ago", "deleting role app", "CloudTrail");
    assertEquals(0, ecs.calls());
  }

  @Test
  void itAddsToTheEcsVerdictAndNeverAllows() {
    FakeEcs ecs = new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/1", null));

    List<Verdict> v =
        of(deleteRole(ROLE, NOW.minus(Duration.ofMinutes(1)), ecs), Address.role(ROLE));

    assertEquals(List.of(Level.BLOCK, Level.WARN), v.stream().map(Verdict::level).toList());
    assertContains(v.get(1).message(), "ECSNetworkingWithELB");
  }

  @Test
  void useLongerAgoThanAnHourIsNotWorthAWarning() {
    Plan checked = deleteRole("app", NOW.minus(Duration.ofMinutes(61)), new FakeEcs());

    assertEquals(List.of(), of(checked, Address.role("app")));
  }

  @Test
  void noLastUseNoWarning() {
    assertEquals(List.of(), of(deleteRole("app", null, new FakeEcs()), Address.role("app")));
  }

  @Test
  void withoutTheLiveAccountThereIsNothingToSay() {
    LiveAccount live =
        new SafetyFixtures.Live()
            .role("app", TRUST_EC2, List.of(LB_POLICY), Map.of(), null, NOW)
            .build();
    Plan checked = Safety.check(plan(stack(), live), stack(), null, new FakeEcs(), CLOCK);

    assertEquals(List.of(), of(checked, Address.role("app")));
  }
}

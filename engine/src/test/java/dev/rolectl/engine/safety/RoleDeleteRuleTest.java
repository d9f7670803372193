package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_EC2;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleDeleteRuleTest {
  static final String DEPLOYMENT =
      "arn:aws:ecs:us-east-1:123456789012:service-deployment/prod/web/abc";

  private static LiveAccount liveGuideRole() {
    return new SafetyFixtures.Live().role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of()).build();
  }

  /** The stack no longer declares the role: the plan deletes it and detaches its policy. */
  private static Plan deleteGuideRole(FakeEcs ecs) {
    Plan plan = plan(stack(), liveGuideRole());
    assertEquals(Action.DELETE, SafetyFixtures.change(plan, Address.role(ROLE)).action());
    return Safety.check(plan, stack(), liveGuideRole(), ecs, CLOCK);
  }

  @Test
  void deletingTheRoleDuringADeploymentIsBlockedWithTheDeploymentNamed() {
    FakeEcs ecs =
        new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", DEPLOYMENT, "TEST_TRAFFIC_SHIFT"));

    Plan checked = deleteGuideRole(ecs);

    Verdict v = only(checked, Address.role(ROLE));
    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-role-delete", v.rule());
    assertContains(
        v.message(),
        "Deleting role " + ROLE,
        "service web (cluster prod, us-east-1)",
        "loadBalancers[].advancedConfiguration.roleArn",
        DEPLOYMENT,
        "IN_PROGRESS",
        "lifecycle stage TEST_TRAFFIC_SHIFT",
        "Wait for the deployment to finish",
        "--wait-for-deployments");
    Verdict detach = only(checked, Address.attachment(ROLE, LB_POLICY));
    assertEquals(Level.BLOCK, detach.level());
    assertEquals("ecs-policy-detach", detach.rule());
    assertTrue(checked.blocked());
    assertEquals(1, ecs.scans, "one scan for the whole plan");
    assertEquals(0, ecs.rescans);
    assertEquals(List.of(List.of(ROLE_ARN)), ecs.asked);
  }

  @Test
  void deletingARoleThatAServiceUsesButIsNotDeployingIsAWarning() {
    FakeEcs ecs = new FakeEcs().use(ROLE_ARN, FakeEcs.idle("web"));

    Plan checked = deleteGuideRole(ecs);

    Verdict v = only(checked, Address.role(ROLE));
    assertEquals(Level.WARN, v.level());
    assertContains(
        v.message(),
        "service web (cluster prod, us-east-1)",
        "not deploying now",
        "the next deployment of web will fail: ECS can no longer assume the role");
    assertFalse(checked.blocked());
  }

  @Test
  void deletingARoleNoServiceUsesIsAllowed() {
    Plan checked = deleteGuideRole(new FakeEcs());

    Verdict v = only(checked, Address.role(ROLE));
    assertEquals(Level.ALLOW, v.level());
    assertContains(v.message(), "no ECS service", ROLE);
    assertFalse(checked.blocked());
  }

  @Test
  void unknownEcsStateBlocksWithTheReason() {
    FakeEcs ecs = new FakeEcs();
    ecs.unknownReason = "access to ECS in us-east-1 was denied for ListClusters";

    Plan checked = deleteGuideRole(ecs);

    Verdict v = only(checked, Address.role(ROLE));
    assertEquals(Level.BLOCK, v.level());
    assertContains(
        v.message(),
        "access to ECS in us-east-1 was denied for ListClusters",
        "fail closed",
        "deleting role");
  }

  @Test
  void replacingTheRoleToMoveItIsBlockedToo() {
    FakeEcs ecs = new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", DEPLOYMENT, "BAKE_TIME"));
    var moved =
        stack(
            SafetyFixtures.role(ROLE, "/ecs/", TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS, null),
            SafetyFixtures.attachment(ROLE, LB_POLICY));
    Plan plan = plan(moved, liveGuideRole());
    assertEquals(Action.REPLACE, SafetyFixtures.change(plan, Address.role(ROLE)).action());

    Plan checked = Safety.check(plan, moved, liveGuideRole(), ecs, CLOCK);

    Verdict v = only(checked, Address.role(ROLE));
    assertEquals(Level.BLOCK, v.level());
    assertContains(v.message(), "Replacing role " + ROLE, "BAKE_TIME");
    assertEquals(List.of(List.of(ROLE_ARN)), ecs.asked, "the ARN of the role as it is now");
  }

  @Test
  void aRoleEcsCannotAssumeIsNotAskedAbout() {
    FakeEcs ecs =
        new FakeEcs()
            .use("arn:aws:iam::123456789012:role/app", FakeEcs.deploying("web", DEPLOYMENT, null));
    LiveAccount live =
        new SafetyFixtures.Live().role("app", TRUST_EC2, List.of(LB_POLICY), Map.of()).build();

    Plan checked = Safety.check(plan(stack(), live), stack(), live, ecs, CLOCK);

    assertEquals(0, ecs.calls());
    assertTrue(
        checked.changes().stream().allMatch(c -> c.verdicts().isEmpty()),
        checked.changes()::toString);
  }

  @Test
  void aDeclaredRoleIsAskedAboutEvenIfEcsCannotAssumeItNow() {
    FakeEcs ecs = new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", DEPLOYMENT, null));
    LiveAccount live =
        new SafetyFixtures.Live().role(ROLE, TRUST_EC2, List.of(LB_POLICY), Map.of()).build();
    var declared = stack(SafetyFixtures.role(ROLE, TRUST_EC2, EcsInfrastructure.LOAD_BALANCERS));

    Plan checked = Safety.check(plan(declared, live), declared, live, ecs, CLOCK);

    Verdict v = only(checked, Address.attachment(ROLE, LB_POLICY));
    assertEquals(Level.BLOCK, v.level());
    assertContains(v.message(), "lifecycle stage unknown");
    assertEquals(1, ecs.scans);
  }
}

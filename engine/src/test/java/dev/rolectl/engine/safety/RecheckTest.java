package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RecheckTest {
  private static final LiveAccount LIVE =
      new SafetyFixtures.Live().role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of()).build();

  @Test
  void aDeploymentStartedSinceThePlanBlocksTheCall() {
    FakeEcs ecs = new FakeEcs();
    Stack stack = stack();
    Plan checked = Safety.check(plan(stack, LIVE), stack, LIVE, ecs, CLOCK);
    assertEquals(Level.ALLOW, only(checked, Address.role(ROLE)).level());
    ResourceChange detach = SafetyFixtures.change(checked, Address.attachment(ROLE, LB_POLICY));

    ecs.use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/5", "PRE_SCALE_UP"));
    Verdict v = Safety.recheck(checked, detach, stack, LIVE, ecs);

    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-policy-detach", v.rule());
    assertContains(v.message(), "ecs-svc/5", "PRE_SCALE_UP");
    assertEquals(1, ecs.scans, "the plan's scan");
    assertEquals(1, ecs.rescans, "the re-check reads ECS anew");
  }

  @Test
  void theRecheckLooksInTheStacksRegions() {
    FakeEcs ecs = new FakeEcs();
    Stack stack = stack(new StackSettings(10, List.of(), List.of("eu-west-1", "us-east-1")));
    Plan plan = plan(stack, LIVE);

    Safety.recheck(plan, SafetyFixtures.change(plan, Address.role(ROLE)), stack, null, ecs);

    assertEquals(List.of(List.of("eu-west-1", "us-east-1")), ecs.regionsAsked);
    assertEquals(
        Set.of(ROLE_ARN),
        Safety.ecsRolesAtRisk(plan, SafetyFixtures.change(plan, Address.role(ROLE)), stack, null));
  }

  @Test
  void aChangeNoRuleConcernsIsAllowedWithoutAskingEcs() {
    FakeEcs ecs = new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/5", null));
    String arn = "arn:aws:iam::123456789012:policy/describe";
    Stack stack =
        stack(
            SafetyFixtures.role(
                ROLE, TRUST_ECS, dev.rolectl.engine.model.EcsInfrastructure.LOAD_BALANCERS),
            SafetyFixtures.attachment(ROLE, LB_POLICY),
            SafetyFixtures.attachment(ROLE, arn),
            SafetyFixtures.policy("describe", SafetyFixtures.allow("ec2:Describe*")));
    Plan plan = plan(stack, LIVE);
    ResourceChange attach = SafetyFixtures.change(plan, Address.attachment(ROLE, arn));

    Verdict v = Safety.recheck(plan, attach, stack, LIVE, ecs);

    assertEquals(Level.ALLOW, v.level());
    assertEquals(0, ecs.calls());
    assertEquals(Set.of(), Safety.ecsRolesAtRisk(plan, attach, stack, LIVE));
  }

  @Test
  void anAttachmentThatMayNarrowIsRecheckedLikeAnyNarrowing() {
    FakeEcs ecs = new FakeEcs();
    Stack stack =
        stack(
            SafetyFixtures.role(
                ROLE, TRUST_ECS, dev.rolectl.engine.model.EcsInfrastructure.LOAD_BALANCERS),
            SafetyFixtures.attachment(ROLE, LB_POLICY),
            SafetyFixtures.attachment(ROLE, SafetyFixtures.READ_ONLY));
    Plan checked = Safety.check(plan(stack, LIVE), stack, LIVE, ecs, CLOCK);
    ResourceChange attach =
        SafetyFixtures.change(checked, Address.attachment(ROLE, SafetyFixtures.READ_ONLY));
    assertEquals(Level.ALLOW, only(checked, attach.address()).level());

    ecs.use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/5", "SCALE_UP"));
    Verdict v = Safety.recheck(checked, attach, stack, LIVE, ecs);

    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-role-narrowing", v.rule());
    assertContains(v.message(), "does not read the live documents of AWS managed policies", "ecs-svc/5");
    assertEquals(Set.of(ROLE_ARN), Safety.ecsRolesAtRisk(checked, attach, stack, LIVE));
  }

  @Test
  void ruleIdsAreStable() {
    assertEquals(
        List.of(
            "ecs-role-delete",
            "ecs-trust-drops-ecs",
            "ecs-policy-detach",
            "ecs-role-narrowing",
            "ecs-task-role-delete",
            "ecs-trust-drops-ecs-tasks",
            "ecs-task-role-narrowing",
            "ec2-role-delete",
            "ec2-trust-drops-ec2",
            "role-recently-used"),
        Safety.ruleIds());
  }
}

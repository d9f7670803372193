package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.READ_ONLY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.attachment;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyDetachRuleTest {
  static final String LATTICE_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForVpcLattice";

  private final FakeEcs ecs =
      new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/7", "TEST_TRAFFIC_SHIFT"));

  private Plan check(List<String> liveAttachments, String... declared) {
    LiveAccount live =
        new SafetyFixtures.Live().role(ROLE, TRUST_ECS, liveAttachments, Map.of()).build();
    List<dev.rolectl.engine.model.Resource> resources = new java.util.ArrayList<>();
    resources.add(SafetyFixtures.role(ROLE, TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS));
    for (String arn : declared) {
      resources.add(attachment(ROLE, arn));
    }
    Stack stack = stack(resources.toArray(dev.rolectl.engine.model.Resource[]::new));
    return Safety.check(plan(stack, live), stack, live, ecs, CLOCK);
  }

  @Test
  void detachingTheLoadBalancerPolicyDuringADeploymentIsBlocked() {
    Plan checked = check(List.of(LB_POLICY));

    Verdict v = only(checked, Address.attachment(ROLE, LB_POLICY));
    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-policy-detach", v.rule());
    assertContains(
        v.message(),
        "Detaching AmazonECSInfrastructureRolePolicyForLoadBalancers from role " + ROLE,
        "ecs-svc/7",
        "TEST_TRAFFIC_SHIFT");
  }

  @Test
  void theOtherInfrastructurePoliciesCountToo() {
    Plan checked = check(List.of(LB_POLICY, LATTICE_POLICY), LB_POLICY);

    Verdict v = only(checked, Address.attachment(ROLE, LATTICE_POLICY));
    assertEquals("ecs-policy-detach", v.rule());
    assertContains(v.message(), "AmazonECSInfrastructureRolePolicyForVpcLattice");
  }

  @Test
  void attachingAPolicyThatOnlyAllowsIsNoConcern() {
    String arn = "arn:aws:iam::123456789012:policy/elb";
    LiveAccount live =
        new SafetyFixtures.Live()
            .role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of())
            .policy("elb", SafetyFixtures.allow("elasticloadbalancing:Describe*"), List.of())
            .build();
    Stack stack =
        stack(
            SafetyFixtures.role(ROLE, TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS),
            attachment(ROLE, LB_POLICY),
            attachment(ROLE, arn));

    Plan checked = Safety.check(plan(stack, live), stack, live, ecs, CLOCK);

    assertEquals(
        Action.CREATE, SafetyFixtures.change(checked, Address.attachment(ROLE, arn)).action());
    assertTrue(checked.changes().stream().allMatch(c -> c.verdicts().isEmpty()));
    assertEquals(0, ecs.calls());
  }
}

package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_EC2;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.attachment;
import static dev.rolectl.engine.safety.SafetyFixtures.doc;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.of;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrustDropsEcsRuleTest {
  private final FakeEcs ecs =
      new FakeEcs()
          .use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/42", "PRODUCTION_TRAFFIC_SHIFT"));

  private Plan withTrust(PolicyDocument trust) {
    LiveAccount live =
        new SafetyFixtures.Live().role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of()).build();
    Stack stack =
        stack(
            SafetyFixtures.role(ROLE, trust, EcsInfrastructure.LOAD_BALANCERS),
            attachment(ROLE, LB_POLICY));
    Plan plan = plan(stack, live);
    assertEquals(Action.UPDATE, SafetyFixtures.change(plan, Address.role(ROLE)).action());
    return Safety.check(plan, stack, live, ecs, CLOCK);
  }

  @Test
  void trustingAnotherServiceInsteadIsBlocked() {
    Verdict v = only(withTrust(TRUST_EC2), Address.role(ROLE));

    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-trust-drops-ecs", v.rule());
    assertContains(
        v.message(),
        "ecs.amazonaws.com can no longer assume it",
        "ecs-svc/42",
        "PRODUCTION_TRAFFIC_SHIFT");
  }

  @Test
  void anAddedDenyForEcsIsBlocked() {
    PolicyDocument denied =
        doc(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAccessToECSForInfrastructureManagement\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"},"
                + "{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:*\"}]}");

    Verdict v = only(withTrust(denied), Address.role(ROLE));

    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-trust-drops-ecs", v.rule());
  }

  @Test
  void trustingOneMoreServiceIsNoConcernAndAsksEcsNothing() {
    PolicyDocument both =
        doc(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAccessToECSForInfrastructureManagement\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":[\"ecs.amazonaws.com\",\"ec2.amazonaws.com\"]},"
                + "\"Action\":\"sts:AssumeRole\"}]}");

    Plan checked = withTrust(both);

    assertEquals(List.of(), of(checked, Address.role(ROLE)));
    assertEquals(0, ecs.calls());
  }

  @Test
  void aConditionThatStillAdmitsEcsIsNoConcern() {
    PolicyDocument conditioned =
        doc(
            "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAccessToECSForInfrastructureManagement\","
                + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\","
                + "\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}}]}");

    Plan checked = withTrust(conditioned);

    assertTrue(of(checked, Address.role(ROLE)).isEmpty());
    assertEquals(0, ecs.calls());
  }
}

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
    return withTrust(TRUST_ECS, trust);
  }

  /** The plan from a live role trusting {@code before} to the stack's {@code after}, checked. */
  private Plan withTrust(PolicyDocument before, PolicyDocument after) {
    LiveAccount live =
        new SafetyFixtures.Live().role(ROLE, before, List.of(LB_POLICY), Map.of()).build();
    Stack stack =
        stack(
            SafetyFixtures.role(ROLE, after, EcsInfrastructure.LOAD_BALANCERS),
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

  /**
   * Breaker's F17: AWS does not document that service principals match ignoring case, so an
   * Allow that names ECS only as ECS.AMAZONAWS.COM does not count as keeping the role for ECS.
   */
  @Test
  void theServicePrincipalInAnotherCaseIsBlockedAsAPossibleLoss() {
    PolicyDocument upper = doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"Service\":\"ECS.AMAZONAWS.COM\"},\"Action\":\"sts:AssumeRole\"}]}");

    Verdict v = only(withTrust(upper), Address.role(ROLE));

    assertEquals(Level.BLOCK, v.level(), v::message);
    assertEquals("ecs-trust-drops-ecs", v.rule());
    assertContains(v.message(), "ecs.amazonaws.com may no longer be able to assume it",
        "does not name ecs.amazonaws.com as AWS writes it",
        "AWS does not document that service principals match ignoring case", "fail closed",
        "ecs-svc/42");
    assertEquals(List.of(), of(withTrust(upper, TRUST_ECS), Address.role(ROLE)),
        "writing it as AWS does is no concern");
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

  /** The guide's statement with {@code extra} JSON members, and {@code more} statements. */
  private static PolicyDocument trust(String extra, String... more) {
    StringBuilder sb = new StringBuilder(
        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAccessToECSForInfrastructureManagement\","
            + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\""
            + extra + "}");
    for (String m : more) {
      sb.append(',').append(m);
    }
    return doc(sb.append("]}").toString());
  }

  private Verdict verdictFor(PolicyDocument before, PolicyDocument after) {
    return only(withTrust(before, after), Address.role(ROLE));
  }

  @Test
  void aConditionAddedToTheStatementThatAdmitsEcsIsBlockedAndNamed() {
    String[][] cases = {
      {"{\"StringEquals\":{\"aws:SourceAccount\":\"999999999999\"}}",
          "Condition StringEquals aws:SourceAccount \"999999999999\""},
      {"{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}",
          "Condition StringEquals aws:SourceAccount \"123456789012\""},
      {"{\"ArnLike\":{\"aws:SourceArn\":\"arn:aws:ecs:eu-west-1:123456789012:*\"}}",
          "Condition ArnLike aws:SourceArn \"arn:aws:ecs:eu-west-1:123456789012:*\""},
      {"{\"Null\":{\"aws:SourceArn\":\"true\"}}", "Condition Null aws:SourceArn \"true\""},
    };
    for (String[] c : cases) {
      Verdict v = verdictFor(TRUST_ECS, trust(",\"Condition\":" + c[0]));

      assertEquals(Level.BLOCK, v.level(), c[0]);
      assertEquals("ecs-trust-drops-ecs", v.rule());
      assertContains(v.message(), "may no longer be able to assume it", c[1],
          "rolectl cannot evaluate a condition for ECS", "fail closed", "ecs-svc/42");
    }
  }

  @Test
  void aConditionChangedOnTheStatementThatAdmitsEcsIsBlocked() {
    PolicyDocument own = trust(",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}");
    PolicyDocument other = trust(",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"999999999999\"}}");

    Verdict v = verdictFor(own, other);

    assertEquals(Level.BLOCK, v.level());
    assertContains(v.message(), "999999999999");
  }

  @Test
  void aDenyThatCouldMatchEcsIsBlockedWhateverItsCondition() {
    String cond = ",\"Condition\":{\"StringNotEquals\":{\"aws:SourceAccount\":\"999999999999\"}}";
    String[] denies = {
      "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"" + cond + "}",
      "{\"Effect\":\"Deny\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"" + cond + "}",
      "{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:*\"" + cond + "}",
      "{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},"
          + "\"Action\":\"sts:AssumeRole\"" + cond + "}",
      "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"NotAction\":\"sts:TagSession\"" + cond + "}",
    };
    for (String deny : denies) {
      Verdict v = verdictFor(TRUST_ECS, trust("", deny));

      assertEquals(Level.BLOCK, v.level(), deny);
      assertEquals("ecs-trust-drops-ecs", v.rule(), deny);
      assertContains(v.message(), "a Deny statement", "that can match ecs.amazonaws.com",
          "Condition StringNotEquals aws:SourceAccount \"999999999999\"", "fail closed");
    }
  }

  @Test
  void aDenyForSomeoneElseIsNoConcern() {
    String deny = "{\"Effect\":\"Deny\",\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},"
        + "\"Action\":\"sts:AssumeRole\",\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";

    Plan checked = withTrust(trust("", deny));

    assertEquals(List.of(), of(checked, Address.role(ROLE)));
    assertEquals(0, ecs.calls());
  }

  @Test
  void changesThatOnlyBroadenWhatEcsMayDoAreNoConcern() {
    String cond = ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"123456789012\"}}";
    String more = ",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":[\"123456789012\",\"111122223333\"]}}";
    String deny = "{\"Effect\":\"Deny\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\","
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"false\"}}}";
    String trustEc2Too = "{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},"
        + "\"Action\":\"sts:AssumeRole\"}";
    PolicyDocument[][] cases = {
      {trust(cond), TRUST_ECS}, // the condition removed
      {trust(cond), trust(more)}, // a value added to StringEquals
      {trust("", deny), TRUST_ECS}, // the Deny removed
      {trust("", deny), trust("", deny, trustEc2Too)}, // the same Deny as before, another principal
    };
    for (PolicyDocument[] c : cases) {
      assertEquals(List.of(), of(withTrust(c[0], c[1]), Address.role(ROLE)), c[1].toString());
    }
    assertEquals(0, ecs.calls());
  }

  @Test
  void aConditionalTrustChangeWarnsWhenNoDeploymentRuns() {
    ecs.services.clear();
    ecs.use(ROLE_ARN, FakeEcs.idle("web"));

    Verdict v = verdictFor(TRUST_ECS,
        trust(",\"Condition\":{\"StringEquals\":{\"aws:SourceAccount\":\"999999999999\"}}"));

    assertEquals(Level.WARN, v.level());
    assertContains(v.message(), "may fail: ECS may no longer be able to assume the role");
  }
}

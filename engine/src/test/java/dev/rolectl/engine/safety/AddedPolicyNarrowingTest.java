package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.attachment;
import static dev.rolectl.engine.safety.SafetyFixtures.doc;
import static dev.rolectl.engine.safety.SafetyFixtures.inline;
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
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import dev.rolectl.engine.policy.AccessImpact;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A Deny that arrives as a new policy (an inline policy added, a policy attached through {@code
 * managedPolicies} or {@code attachTo}), or a policy whose document rolectl does not know (AWS
 * managed), narrows the ECS role like any other narrowing: {@code ecs-role-narrowing}, blocked
 * during a deployment, warned otherwise.
 */
class AddedPolicyNarrowingTest {
  static final String DENY_ALL = "arn:aws:iam::aws:policy/AWSDenyAll";
  static final String DENY_ELB_ARN = "arn:aws:iam::123456789012:policy/denyelb";
  static final PolicyDocument DENY_ELB =
      doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
          + "\"Action\":\"elasticloadbalancing:*\",\"Resource\":\"*\"}]}");

  private final FakeEcs ecs =
      new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/3", "TEST_TRAFFIC_SHIFT"));
  private final LiveAccount live =
      new SafetyFixtures.Live().role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of()).build();

  /** The guide's role as it is live, plus {@code more}. */
  private Plan check(Resource... more) {
    List<Resource> r = new ArrayList<>();
    r.add(SafetyFixtures.role(ROLE, TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS));
    r.add(attachment(ROLE, LB_POLICY));
    r.addAll(List.of(more));
    Stack stack = stack(r.toArray(Resource[]::new));
    return Safety.check(plan(stack, live), stack, live, ecs, CLOCK);
  }

  private static void blockedNarrowing(Plan checked, Address address, String... parts) {
    AccessImpact impact = SafetyFixtures.change(checked, address).impact();
    assertTrue(impact == AccessImpact.NARROWING || impact == AccessImpact.MIXED, address + ": " + impact);
    Verdict v = only(checked, address);
    assertEquals(Level.BLOCK, v.level(), v::message);
    assertEquals("ecs-role-narrowing", v.rule());
    assertContains(v.message(), parts);
    assertContains(v.message(), "ecs-svc/3", "TEST_TRAFFIC_SHIFT");
  }

  @Test
  void anAwsManagedPolicyWhoseDocumentIsNotReadIsBlocked() {
    Plan checked = check(attachment(ROLE, DENY_ALL));

    assertEquals(AccessImpact.MIXED,
        SafetyFixtures.change(checked, Address.attachment(ROLE, DENY_ALL)).impact());
    blockedNarrowing(checked, Address.attachment(ROLE, DENY_ALL),
        "Attaching " + DENY_ALL + " to role " + ROLE,
        "does not read the live documents of AWS managed policies", "fail closed");
  }

  @Test
  void aNewInlinePolicyWithADenyIsBlocked() {
    Plan checked = check(inline(ROLE, "deny", DENY_ELB));

    assertEquals(AccessImpact.NARROWING,
        SafetyFixtures.change(checked, Address.inline(ROLE, "deny")).impact());
    blockedNarrowing(checked, Address.inline(ROLE, "deny"),
        "Adding inline policy deny to role " + ROLE + " (it has a Deny statement)");
  }

  @Test
  void aNewCustomerPolicyWithADenyAttachedThroughManagedPoliciesIsBlocked() {
    Plan checked = check(SafetyFixtures.policy("denyelb", DENY_ELB), attachment(ROLE, DENY_ELB_ARN));

    blockedNarrowing(checked, Address.attachment(ROLE, DENY_ELB_ARN),
        "Attaching " + DENY_ELB_ARN + " to role " + ROLE);
  }

  @Test
  void aPolicyWithADenyAttachedThroughAttachToIsBlocked() {
    Stack stack = stack(SafetyFixtures.policy("denyelb", DENY_ELB), new PrincipalPolicyAttachment(
        Address.principalAttachment("denyelb", PrincipalType.ROLE, ROLE), SafetyFixtures.LOC,
        PrincipalType.ROLE, ROLE, "denyelb", DENY_ELB_ARN, Set.of(Address.policy("denyelb"))));

    Plan checked = Safety.check(plan(stack, live), stack, live, ecs, CLOCK);

    blockedNarrowing(checked, Address.principalAttachment("denyelb", PrincipalType.ROLE, ROLE),
        "Attaching " + DENY_ELB_ARN + " to role " + ROLE);
  }

  @Test
  void withoutADeploymentItWarns() {
    ecs.services.clear();
    ecs.use(ROLE_ARN, FakeEcs.idle("web"));

    Verdict v = only(check(inline(ROLE, "deny", DENY_ELB)), Address.inline(ROLE, "deny"));

    assertEquals(Level.WARN, v.level());
    assertContains(v.message(), "may fail: ECS may lack permissions it needs");
  }

  @Test
  void aPolicyThatOnlyAllowsIsNoConcernAndAsksEcsNothing() {
    Plan checked = check(inline(ROLE, "read", SafetyFixtures.allow("ec2:Describe*")));

    assertEquals(List.of(), of(checked, Address.inline(ROLE, "read")));
    assertEquals(0, ecs.calls());
  }
}

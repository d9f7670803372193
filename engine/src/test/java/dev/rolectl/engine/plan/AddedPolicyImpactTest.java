package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.LB_POLICY;
import static dev.rolectl.engine.plan.Fixtures.allow;
import static dev.rolectl.engine.plan.Fixtures.attachment;
import static dev.rolectl.engine.plan.Fixtures.inline;
import static dev.rolectl.engine.plan.Fixtures.policy;
import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.AccessImpact;
import dev.rolectl.engine.policy.PolicyParser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The impact of a policy that starts to apply to a role that exists: what its document says
 * (a Deny narrows), MIXED when the document is not known (AWS managed), and BROADENING on a role
 * the plan creates (nothing to lose).
 */
class AddedPolicyImpactTest {
  static final String DENY_ALL = "arn:aws:iam::aws:policy/AWSDenyAll";
  static final PolicyDocument DENY_ELB = doc("[{'Effect':'Deny','Action':'elasticloadbalancing:*','Resource':'*'}]");
  static final PolicyDocument ALLOW_AND_DENY = doc("[{'Effect':'Allow','Action':'ec2:Describe*','Resource':'*'},"
      + "{'Effect':'Deny','Action':'elasticloadbalancing:ModifyListener','Resource':'*'}]");

  static PolicyDocument doc(String statements) {
    return PolicyParser.parseJson(("{'Version':'2012-10-17','Statement':" + statements + "}")
        .replace('\'', '"')).document().orElseThrow();
  }

  private static LiveAccount live() {
    return new Fixtures.Live()
        .ownedRole("r", List.of(LB_POLICY))
        .policy("theirs", DENY_ELB, Map.of(), Map.of()) // made by hand: no rolectl tag
        .build();
  }

  private static AccessImpact impact(Stack stack, Address address) {
    PlanResult result = Differ.plan(stack, live(), new PlanOptions(false, "aws", Instant.EPOCH));
    Plan plan = result.plan().orElseThrow(() -> new AssertionError(result.diagnostics()));
    ResourceChange c = plan.changes().stream().filter(x -> x.address().equals(address))
        .findFirst().orElseThrow();
    assertEquals(Action.CREATE, c.action(), address::toString);
    return c.impact();
  }

  private static Stack existing(Resource... more) {
    List<Resource> r = new java.util.ArrayList<>(List.of(role("r"), attachment("r", LB_POLICY)));
    r.addAll(List.of(more));
    return stack(r.toArray(Resource[]::new));
  }

  @Test
  void anInlinePolicyIsWhatItsStatementsSay() {
    assertEquals(AccessImpact.NARROWING,
        impact(existing(inline("r", "deny", DENY_ELB)), Address.inline("r", "deny")));
    assertEquals(AccessImpact.MIXED,
        impact(existing(inline("r", "both", ALLOW_AND_DENY)), Address.inline("r", "both")));
    assertEquals(AccessImpact.BROADENING,
        impact(existing(inline("r", "read", allow("s3:GetObject", "*"))), Address.inline("r", "read")));
  }

  @Test
  void anAttachedCustomerPolicyIsWhatItsDocumentSaysFromTheStackOrTheAccount() {
    String ours = "arn:aws:iam::123456789012:policy/denyelb";
    String theirs = "arn:aws:iam::123456789012:policy/theirs";
    assertEquals(AccessImpact.NARROWING,
        impact(existing(policy("denyelb", DENY_ELB), attachment("r", ours)), Address.attachment("r", ours)));
    assertEquals(AccessImpact.BROADENING,
        impact(existing(policy("denyelb", allow("ec2:*", "*")), attachment("r", ours)),
            Address.attachment("r", ours)));
    assertEquals(AccessImpact.NARROWING,
        impact(existing(attachment("r", theirs)), Address.attachment("r", theirs)));
  }

  @Test
  void aPolicyAttachedThroughAttachToIsWhatItsDocumentSays() {
    LiveAccount live = new Fixtures.Live()
        .role("infra", "/", Fixtures.trust("ecs.amazonaws.com"), Map.of(), List.of(), Map.of())
        .build();
    Stack stack = stack(policy("denyelb", DENY_ELB), new PrincipalPolicyAttachment(
        Address.principalAttachment("denyelb", PrincipalType.ROLE, "infra"), Fixtures.LOC,
        PrincipalType.ROLE, "infra", "denyelb", "arn:aws:iam::123456789012:policy/denyelb",
        Set.of(Address.policy("denyelb"))));
    Plan plan = Differ.plan(stack, live, new PlanOptions(false, "aws", Instant.EPOCH)).plan()
        .orElseThrow();
    ResourceChange c = plan.changes().stream()
        .filter(x -> x.after() instanceof PrincipalPolicyAttachment).findFirst().orElseThrow();

    assertEquals(Action.CREATE, c.action());
    assertEquals(AccessImpact.NARROWING, c.impact(), "the policy is new, the role is not");
  }

  @Test
  void anAwsManagedPolicyWhoseDocumentIsNotReadMayNarrow() {
    assertEquals(AccessImpact.MIXED,
        impact(existing(attachment("r", DENY_ALL)), Address.attachment("r", DENY_ALL)));
  }

  @Test
  void aRoleThePlanCreatesHasNothingToLose() {
    Stack stack = stack(role("fresh"), attachment("fresh", DENY_ALL), inline("fresh", "deny", DENY_ELB));

    assertEquals(AccessImpact.BROADENING, impact(stack, Address.attachment("fresh", DENY_ALL)));
    assertEquals(AccessImpact.BROADENING, impact(stack, Address.inline("fresh", "deny")));
  }

  @Test
  void anAdoptedRoleHasAccessToLose() {
    LiveAccount live = new Fixtures.Live()
        .role("r", "/", Fixtures.trust("ecs.amazonaws.com"), Map.of(), List.of(), Map.of())
        .build();
    Stack stack = stack(Fixtures.adoptable(role("r")), inline("r", "deny", DENY_ELB));
    Plan plan = Differ.plan(stack, live, new PlanOptions(false, "aws", Instant.EPOCH)).plan()
        .orElseThrow();

    assertEquals(AccessImpact.NARROWING, plan.changes().stream()
        .filter(x -> x.address().equals(Address.inline("r", "deny"))).findFirst().orElseThrow()
        .impact());
  }
}

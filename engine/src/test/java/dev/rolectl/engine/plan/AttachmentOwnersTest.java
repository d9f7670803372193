package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.ACCOUNT;
import static dev.rolectl.engine.plan.Fixtures.LB_POLICY;
import static dev.rolectl.engine.plan.Fixtures.attachment;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Case 3 of issue 9: an attachment of another stack's policy is that stack's. */
class AttachmentOwnersTest {
  private static final String EXTRAS = "arn:aws:iam::" + ACCOUNT + ":policy/node-extras";
  private static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:test.json", Instant.parse("2026-11-29T00:00:00Z"));

  private static Fixtures.Live live() {
    return new Fixtures.Live()
        .role("eks-node", "/", trust("ecs.amazonaws.com"), owned(Map.of()),
            List.of(LB_POLICY, EXTRAS), Map.of())
        .policy("node-extras", Fixtures.allow("s3:GetObject", "*"),
            Map.of("rolectl:stack", "node-addons"), Map.of());
  }

  @Test
  void anotherStacksAttachmentIsNotDrift() {
    PlanResult r = Differ.plan(
        stack(Fixtures.role("eks-node"), attachment("eks-node", LB_POLICY)), live().build(), OPTIONS);
    Plan plan = r.plan().orElseThrow();
    assertFalse(plan.hasChanges(), () -> plan.effectiveChanges().toString());
  }

  @Test
  void declaringAnotherStacksPolicyInManagedPoliciesStopsThePlanNamingBothStacks() {
    PlanResult r = Differ.plan(
        stack(Fixtures.role("eks-node"), attachment("eks-node", LB_POLICY),
            attachment("eks-node", EXTRAS)),
        live().build(), OPTIONS);
    assertTrue(r.plan().isEmpty());
    Diagnostic d = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    assertEquals(AttachmentOwners.RULE, d.rule());
    assertTrue(d.message().contains("stack " + Fixtures.STACK) && d.message().contains("node-addons"),
        d.message());
    assertEquals(Fixtures.LOC, d.location());
  }

  @Test
  void ourOwnPolicysAttachmentToAnotherStacksRoleIsOurs() {
    var live = new Fixtures.Live()
        .role("eks-node", "/", trust("ec2.amazonaws.com"), Map.of("rolectl:stack", "cluster"),
            List.of(EXTRAS), Map.of())
        .policy("node-extras", Fixtures.allow("s3:GetObject", "*"), owned(Map.of()),
            Map.of(dev.rolectl.engine.model.PrincipalType.ROLE, List.of("eks-node")));
    Plan plan = Differ.plan(stack(Fixtures.policy("node-extras", Fixtures.allow("s3:GetObject", "*"))),
        live.build(), OPTIONS).plan().orElseThrow();
    assertTrue(plan.changes().stream().anyMatch(c ->
        c.address().value().equals("policies.node-extras.attachTo.roles.eks-node")
            && c.action() == Action.DELETE), "not declared in attachTo: drift of the policy's stack");
  }
}

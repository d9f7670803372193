package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.adoptable;
import static dev.rolectl.engine.plan.Fixtures.allow;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.policy;
import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Stack;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * AWS-owned roles (service-linked under /aws-service-role/, IAM Identity Center's under
 * /aws-reserved/sso.amazonaws.com/) are never created, changed, adopted, tagged or deleted: not
 * when the stack declares one (even with adopt), not when it is tagged as this stack's, not by
 * attaching a policy to it, and not by detaching this stack's policy that AWS attached to it.
 */
class AwsOwnedRolesTest {
  static final String SSO = "/aws-reserved/sso.amazonaws.com/eu-west-1/";
  static final PlanOptions OPTIONS = new PlanOptions(false, "local:test", Instant.EPOCH);

  static LiveAccount live() {
    return new Fixtures.Live()
        .role("AWSServiceRoleForECS", "/aws-service-role/ecs.amazonaws.com/",
            trust("ecs.amazonaws.com"), owned(Map.of()), List.of(), Map.of())
        .role("AWSReservedSSO_Admin_0123abcd", SSO, trust("sso.amazonaws.com"), owned(Map.of()),
            List.of(), Map.of())
        .policy("shared", allow("s3:GetObject", "*"), owned(Map.of()),
            Map.of(PrincipalType.ROLE, List.of("AWSReservedSSO_Admin_0123abcd")))
        .build();
  }

  @Test
  void declaringAnAwsOwnedRoleIsRefusedEvenWithAdopt() {
    Stack stack = stack(adoptable(role("AWSServiceRoleForECS")),
        adoptable(role("awsreservedsso_admin_0123abcd")));
    PlanResult result = Differ.plan(stack, live(), OPTIONS);
    assertTrue(result.plan().isEmpty());
    assertEquals(2, result.diagnostics().stream().filter(Diagnostic::isError)
        .filter(d -> d.message().contains("owned by AWS")).count(), result.diagnostics()::toString);
  }

  @Test
  void anAwsOwnedRoleTaggedAsThisStacksIsNeverDeletedAndItsAttachmentNotDetached() {
    Stack stack = stack(policy("shared", allow("s3:GetObject", "*")));
    PlanResult result = Differ.plan(stack, live(), OPTIONS);
    Plan plan = result.plan().orElseThrow(() -> new AssertionError(result.diagnostics()));
    assertFalse(plan.hasChanges(), plan.changes()::toString);
  }

  @Test
  void attachingAPolicyToAnAwsOwnedRoleIsRefused() {
    Stack stack = stack(policy("shared", allow("s3:GetObject", "*")),
        new PrincipalPolicyAttachment(
            Address.principalAttachment("shared", PrincipalType.ROLE, "AWSServiceRoleForECS"),
            Fixtures.LOC, PrincipalType.ROLE, "AWSServiceRoleForECS", "shared",
            "arn:aws:iam::" + Fixtures.ACCOUNT + ":policy/shared", Set.of(Address.policy("shared"))));
    PlanResult result = Differ.plan(stack, live(), OPTIONS);
    assertTrue(result.plan().isEmpty());
    assertTrue(result.diagnostics().stream().anyMatch(d -> d.rule().equals(AwsOwnedRoles.RULE)
        && d.message().contains("service-linked role")), result.diagnostics()::toString);
  }
}

package dev.rolectl.engine.policy.lint;

import static dev.rolectl.engine.policy.lint.PolicyLinterTest.ecsRole;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.inline;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.mentions;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.none;
import static dev.rolectl.engine.policy.lint.PolicyLinterTest.one;
import static dev.rolectl.engine.policy.lint.StackFixture.ECS_TRUST;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** IAM's rules that only IAM knows: Sid charset, managed policy Version, reserved paths, API model. */
class IamRulesTest {
  @Test
  void sidWithDashUnderscoreOrSpaceIsRefusedInEveryKindOfPolicy() {
    mentions(one(inline("'Sid':'allow-read-reports','Effect':'Allow','Action':'s3:GetObject',"
        + "'Resource':'*'").lint("sid-charset")), "allow-read-reports", "allowreadreports");
    one(new StackFixture().role("r", ECS_TRUST.replace("AllowAccessToECSForInfrastructureManagement",
        "decrypt_reports")).lint("sid-charset"));
    one(new StackFixture().policy("p", StackFixture.identity("'Sid':'Read reports',"
        + "'Effect':'Allow','Action':'s3:GetObject','Resource':'*'")).lint("sid-charset"));
    none(inline("'Sid':'AllowReadReports2','Effect':'Allow','Action':'s3:GetObject',"
        + "'Resource':'*'").lint("sid-charset"));
  }

  @Test
  void aCustomerManagedPolicyNeedsVersion20121017ButTrustAndInlineOnlyGetTheWarning() {
    String noVersion = "{'Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}";
    mentions(one(new StackFixture().policy("p", noVersion).lint("managed-policy-version")),
        "has no Version", "Policy document must be version 2012-10-17");
    one(new StackFixture().policy("p", noVersion.replace("{'Statement'",
        "{'Version':'2008-10-17','Statement'")).lint("managed-policy-version"));
    none(new StackFixture().policy("p", noVersion).lint("missing-version"));
    none(ecsRole().inline("r", "p", noVersion).lint("managed-policy-version"));
    one(ecsRole().inline("r", "p", noVersion).lint("missing-version"));
  }

  @Test
  void aRoleUnderAReservedPathIsRefused() {
    for (String path : new String[] {"/aws-service-role/ecs.amazonaws.com/", "/aws-reserved/x/",
        "/AWS-Reserved/"}) {
      Role r = new Role(Address.role("r"), new dev.rolectl.engine.model.Location("s.yaml", 1, 1),
          "r", path, null, 3600, StackFixture.json(ECS_TRUST), null, Map.of(), null, false,
          false, Set.of());
      one(new StackFixture().role(r).lint("reserved-path"));
    }
    none(ecsRole().lint("reserved-path"));
  }

  @Test
  void valuesIamsApiModelRefusesAfterExpansionAreErrors() {
    String user = "u".repeat(65);
    mentions(one(ecsRole().policy("p", StackFixture.identity("'Effect':'Allow','Action':"
            + "'s3:GetObject','Resource':'*'")).attachTo("p", PrincipalType.USER, user)
            .lint("iam-api-input")), "is 65 characters; IAM allows 1 to 64");
    none(ecsRole().policy("p", StackFixture.identity("'Effect':'Allow','Action':"
            + "'s3:GetObject','Resource':'*'")).attachTo("p", PrincipalType.GROUP, "g".repeat(128))
        .lint("iam-api-input"));
    assertEquals(1, ecsRole().attach("r", "arn:aws:iam::a").lint("iam-api-input").size());
  }
}

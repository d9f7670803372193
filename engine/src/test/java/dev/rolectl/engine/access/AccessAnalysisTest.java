package dev.rolectl.engine.access;

import static dev.rolectl.engine.access.AccessFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PrincipalType;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases: the guide's stack, broadening, narrowing, cancelled allows, unknown conditions. */
class AccessAnalysisTest {
  static final String PASS_ECS = "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\""
      + roleArn("ecsInfrastructureRoleForLoadBalancers") + "\",\"Condition\":{\"StringEquals\":"
      + "{\"iam:PassedToService\":\"ecs.amazonaws.com\"}}}";

  static List<AccessChange> guideStack() {
    var role = role("ecsInfrastructureRoleForLoadBalancers", ECS_TRUST);
    var policy = policy("passEcsInfrastructureRole", statements(PASS_ECS));
    return List.of(create(role), create(attachment(role.name(), LB_POLICY)), create(policy),
        create(attachTo(PrincipalType.USER, "deployer", policy.name())));
  }

  @Test
  void theGuidesStackLetsDeployerAloneTakeTheRoleToEcs() {
    var live = new Live().user("deployer").user("alice").account();
    AccessReport r = AccessAnalysis.of(live, guideStack());
    assertEquals(Grant.YES, r.grantsNewAccess());
    var table = r.roles().get(0);
    assertEquals(null, table.before());
    assertEquals(List.of(new AccessReport.Entry("user deployer", "to ecs.amazonaws.com", Grant.YES)),
        table.after().passers());
    assertEquals(List.of(new AccessReport.Entry("service ecs.amazonaws.com", "", Grant.YES)),
        table.after().assumers());
    assertTrue(r.newAccess().stream().anyMatch(f -> f.principal().equals("user deployer")
        && f.action().equals("iam:PassRole") && f.detail().equals("to ecs.amazonaws.com")
        && f.grant() == Grant.YES), r.newAccess().toString());
  }

  @Test
  void afterTheFirstApplyTheTableShowsDeployerOnBothSides() {
    var role = role("ecsInfrastructureRoleForLoadBalancers", ECS_TRUST);
    var live = new Live()
        .role(role.name(), ECS_TRUST, List.of(LB_POLICY),
            Map.of(), null)
        .policy("passEcsInfrastructureRole", statements(PASS_ECS))
        .user("deployer", List.of(policyArn("passEcsInfrastructureRole")), Map.of(), List.of(), null)
        .user("alice").account();
    var tagged = new dev.rolectl.engine.model.Role(role.address(), role.location(), role.name(),
        "/", null, 3600, role.trustPolicy(), null, Map.of("team", "platform"), null, true, false,
        java.util.Set.of());
    AccessReport r = AccessAnalysis.of(live, List.of(update(role, tagged)));
    assertEquals(Grant.NO, r.grantsNewAccess(), r.newAccess().toString());
    var deployer = List.of(new AccessReport.Entry("user deployer", "to ecs.amazonaws.com", Grant.YES));
    assertEquals(deployer, r.roles().get(0).before().passers());
    assertEquals(deployer, r.roles().get(0).after().passers());
  }

  /** An account with three roles and two users, one of them deployer with the guide's policy. */
  static Live account() {
    return new Live()
        .role("ecsInfrastructureRoleForLoadBalancers", ECS_TRUST,
            List.of(LB_POLICY), Map.of(), null)
        .role("app", ECS_TRUST, List.of(), Map.of(), null)
        .role("batch", ECS_TRUST, List.of(), Map.of(), null)
        .policy("passEcsInfrastructureRole", statements(PASS_ECS))
        .user("deployer", List.of(policyArn("passEcsInfrastructureRole")), Map.of(), List.of(), null)
        .user("ops");
  }

  static List<AccessChange> attachToOps(String... statements) {
    var p = policy("opsPass", AccessFixtures.statements(statements));
    return List.of(create(p), create(attachTo(PrincipalType.USER, "ops", p.name())));
  }

  static final String PASS_ANY =
      "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\"}";

  @Test
  void passRoleOnEverythingToAnotherUserGrantsNewAccessNamingTheUserAndTheRoles() {
    AccessReport r = AccessAnalysis.of(account().account(), attachToOps(PASS_ANY));
    assertEquals(Grant.YES, r.grantsNewAccess());
    for (String role : List.of("app", "batch", "ecsInfrastructureRoleForLoadBalancers")) {
      assertTrue(r.newAccess().stream().anyMatch(f -> f.principal().equals("user ops")
          && f.action().equals("iam:PassRole") && f.resource().equals("role " + role)
          && f.detail().equals("to any service") && f.grant() == Grant.YES), role + ": "
          + r.newAccess());
    }
    assertEquals(Grant.YES, r.grants("policies.opsPass.attachTo.users.ops"));
    assertTrue(r.newAccess().stream().noneMatch(f -> f.principal().equals("user deployer")));
  }

  @Test
  void aNarrowingChangeGrantsNothing() {
    var live = account().policy("opsPass", statements(PASS_ANY))
        .user("ops2", List.of(policyArn("opsPass")), Map.of(), List.of(), null).account();
    var before = policy("opsPass", statements(PASS_ANY));
    var after = policy("opsPass", statements("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
        + "\"Resource\":\"" + roleArn("app") + "\"}"));
    AccessReport r = AccessAnalysis.of(live, List.of(update(before, after)));
    assertEquals(Grant.NO, r.grantsNewAccess(), r.newAccess().toString());
    assertEquals(Grant.NO, r.grants("policies.opsPass"));
  }

  @Test
  void aNewAllowCancelledByADenyGrantsNothing() {
    var live = account().policy("guard", statements("{\"Effect\":\"Deny\",\"Action\":\"iam:*\","
        + "\"Resource\":\"*\"}"));
    live.principals.removeIf(p -> p.name().equals("ops"));
    live.user("ops", List.of(policyArn("guard")), Map.of(), List.of(), null);
    AccessReport r = AccessAnalysis.of(live.account(), attachToOps(PASS_ANY));
    assertEquals(Grant.NO, r.grantsNewAccess(), r.newAccess().toString());
  }

  @Test
  void aNewAllowOutsideTheBoundaryGrantsNothing() {
    var live = account().policy("s3Only", statements("{\"Effect\":\"Allow\",\"Action\":\"s3:*\","
        + "\"Resource\":\"*\"}"));
    live.principals.removeIf(p -> p.name().equals("ops"));
    live.user("ops", List.of(), Map.of(), List.of(), policyArn("s3Only"));
    AccessReport r = AccessAnalysis.of(live.account(), attachToOps(PASS_ANY));
    assertEquals(Grant.NO, r.grantsNewAccess(), r.newAccess().toString());
  }

  @Test
  void aConditionRolectlDoesNotModelMakesMayAndIsNamed() {
    AccessReport r = AccessAnalysis.of(account().account(), attachToOps(
        "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\",\"Condition\":"
            + "{\"IpAddress\":{\"aws:SourceIp\":\"10.0.0.0/8\"}}}"));
    assertEquals(Grant.MAY, r.grantsNewAccess(), r.newAccess().toString());
    assertTrue(r.newAccess().stream().allMatch(f -> f.grant() == Grant.MAY
        && f.unknowns().contains("IpAddress aws:sourceip 10.0.0.0/8")), r.newAccess().toString());
  }

  @Test
  void aModelledConditionTheCallerChoosesIsNewAccess() {
    AccessReport r = AccessAnalysis.of(account().account(), attachToOps(
        "{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\",\"Condition\":"
            + "{\"StringEquals\":{\"iam:PassedToService\":\"lambda.amazonaws.com\"}}}"));
    assertEquals(Grant.YES, r.grantsNewAccess());
    assertTrue(r.newAccess().stream().anyMatch(f -> f.resource().equals("role app")
        && f.detail().equals("to lambda.amazonaws.com")), r.newAccess().toString());
  }

  @Test
  void aTrustThatNowNamesTheAccountLetsItsAllowedPrincipalsAssume() {
    var live = account().policy("assumeAny", statements("{\"Effect\":\"Allow\",\"Action\":"
        + "\"sts:AssumeRole\",\"Resource\":\"*\"}"));
    live.principals.removeIf(p -> p.name().equals("ops"));
    live.user("ops", List.of(policyArn("assumeAny")), Map.of(), List.of(), null);
    var app = role("app", ECS_TRUST);
    var widened = role("app", "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}");
    AccessReport r = AccessAnalysis.of(live.account(), List.of(update(app, widened)));
    assertEquals(Grant.YES, r.grantsNewAccess());
    assertTrue(r.newAccess().stream().anyMatch(f -> f.principal().equals("user ops")
        && f.action().equals("sts:AssumeRole") && f.resource().equals("role app")), r.toString());
    assertTrue(r.newAccess().stream().noneMatch(f -> f.principal().equals("user deployer")),
        "deployer has no sts:AssumeRole of its own: " + r.newAccess());
    assertEquals(List.of(new AccessReport.Entry("service ecs.amazonaws.com", "", Grant.YES)),
        r.roles().get(0).before().assumers());
  }

  @Test
  void deletingAnAttachedPolicyDetachesItEverywhereAndGrantsNothing() {
    var live = account().account();
    var p = policy("passEcsInfrastructureRole", statements(PASS_ECS));
    AccessReport r = AccessAnalysis.of(live, List.of(delete(p)));
    assertEquals(Grant.NO, r.grantsNewAccess());
  }
}

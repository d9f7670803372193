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
    System.out.println(r);
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
}

package dev.rolectl.engine.policy.lint;

import static dev.rolectl.engine.policy.lint.StackFixture.ACCOUNT;
import static dev.rolectl.engine.policy.lint.StackFixture.ECS_TRUST;
import static dev.rolectl.engine.policy.lint.StackFixture.LB_POLICY;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stack of examples/ecs-blue-green/stack.yaml: the guide's role and the PassRole grant. */
class DesignExampleTest {

  static StackFixture example(EcsInfrastructure ecs) {
    String roleArn = "arn:aws:iam::" + ACCOUNT + ":role/ecsInfrastructureRoleForLoadBalancers";
    return new StackFixture()
        .role("ecsInfrastructureRoleForLoadBalancers", ECS_TRUST, ecs, 3600,
            Map.of("team", "platform"))
        .attach("ecsInfrastructureRoleForLoadBalancers", LB_POLICY)
        .policy("passEcsInfrastructureRole", "{'Version':'2012-10-17','Statement':["
            + "{'Effect':'Allow','Action':'iam:PassRole','Resource':'" + roleArn + "',"
            + "'Condition':{'StringEquals':{'iam:PassedToService':'ecs.amazonaws.com'}}}]}")
        .attachTo("passEcsInfrastructureRole", PrincipalType.USER, "deployer");
  }

  @Test
  void producesNothingAboveSuggestion() {
    List<Diagnostic> findings = example(EcsInfrastructure.LOAD_BALANCERS).lint();
    assertEquals(List.of(), findings.stream()
        .filter(d -> d.severity() != Severity.SUGGESTION).toList());
    assertEquals(List.of(), findings);
  }

  @Test
  void withoutTheDeclarationOnlyASuggestion() {
    List<Diagnostic> findings = example(null).lint();
    assertEquals(List.of("ecs-infrastructure-undeclared"),
        findings.stream().map(Diagnostic::rule).toList());
  }
}

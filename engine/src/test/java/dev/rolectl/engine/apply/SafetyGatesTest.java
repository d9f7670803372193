package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ECS re-check wired as a gate, on a local account file with an ecs section. */
class SafetyGatesTest {
  @TempDir Path dir;

  static String ecs(String rolloutState) {
    return "\"ecs\": {\"clusters\": [{\"clusterName\": \"prod\", \"region\": \"us-east-1\", \"services\": [{"
        + "\"serviceName\": \"web\", \"loadBalancers\": [{\"targetGroupArn\": \"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/blue/1\","
        + " \"advancedConfiguration\": {\"roleArn\": \"arn:aws:iam::123456789012:role/infra\","
        + " \"alternateTargetGroupArn\": \"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/green/2\","
        + " \"productionListenerRule\": \"arn:r1\", \"testListenerRule\": \"arn:r2\"}}],"
        + " \"deployments\": [{\"id\": \"ecs-svc/1\", \"status\": \"PRIMARY\", \"rolloutState\": \"" + rolloutState + "\"}]}]}]}";
  }

  @Test
  void aDeleteIsBlockedWhileADeploymentUsesTheRoleAndMadeWhenItIsOver() throws Exception {
    Path file = dir.resolve("account.json");
    Files.writeString(file, "{" + ecs("IN_PROGRESS") + "}");
    Fx.Account account = new Fx.Account(file);
    Stack both = Fx.stack(Fx.role("infra"), Fx.role("other"));
    assertTrue(account.apply(account.plan(both)).succeeded());

    Plan destroy = PlanFile.read(PlanFile.write(account.plan(Fx.stack())));
    ApplyResult blocked;
    try (Target t = account.target()) {
      SafetyGate gate = SafetyGates.ecs(destroy, Fx.stack(), account.read(Fx.stack()), t.ecs());
      blocked = account.apply(destroy, Fx.Account.options().withGate(gate));
    }
    assertTrue(blocked.blocked());
    ChangeOutcome infra = ApplyFailuresTest.outcome(blocked, "roles.infra");
    assertEquals(ChangeOutcome.Status.BLOCKED, infra.status());
    assertTrue(infra.message().contains("ecs-role-delete"), infra.message());
    assertEquals(ChangeOutcome.Status.DONE, ApplyFailuresTest.outcome(blocked, "roles.other").status());

    String text = Files.readString(file).replace("\"IN_PROGRESS\"", "\"COMPLETED\"");
    Files.writeString(file, text);
    Plan again = account.plan(Fx.stack());
    try (Target t = account.target()) {
      SafetyGate gate = SafetyGates.ecs(again, Fx.stack(), account.read(Fx.stack()), t.ecs());
      assertTrue(account.apply(again, Fx.Account.options().withGate(gate)).succeeded());
    }
  }
}

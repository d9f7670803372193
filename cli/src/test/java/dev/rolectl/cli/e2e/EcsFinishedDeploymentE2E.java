package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.safety.DeploymentWaiter;
import dev.rolectl.engine.safety.Safety;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Once the deployment is over: with {@code MOTO_ECS_SERVICE_RUNNING=2} moto starts services with
 * their tasks running, so the PRIMARY deployment's rollout is {@code COMPLETED}. The service still
 * uses the role, so deleting it is a warning about the next deployment, not a block.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=2"})
class EcsFinishedDeploymentE2E {

  @Test
  void aCompletedRolloutIsNoActiveDeploymentAndDeletingTheRoleWarns(Moto moto) {
    EcsSeed.create(moto);
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      EcsScan scan = target.ecs().scan(List.of(EcsSeed.ROLE_ARN), List.of("us-east-1"));

      assertTrue(scan.isKnown(), scan::toString);
      List<ServiceUse> uses = scan.usesOf(EcsSeed.ROLE_ARN);
      assertEquals(List.of("web"), uses.stream().map(ServiceUse::service).toList());
      assertFalse(uses.get(0).deploying(), uses::toString);

      LiveAccount live = target.iam().read(ReadRequest.rolesAndPolicies());
      Stack stack = EcsSeed.stackWithoutTheRole();
      Plan plan =
          Differ.plan(stack, live, new PlanOptions(false, "aws", Instant.now()))
              .plan()
              .orElseThrow();
      Plan checked = Safety.check(plan, stack, live, target.ecs(), Clock.systemUTC());

      assertFalse(checked.blocked());
      Verdict v =
          checked.changes().stream()
              .filter(c -> c.address().equals(Address.role(EcsSeed.ROLE)))
              .findFirst()
              .orElseThrow()
              .verdicts()
              .get(0);
      assertEquals(Verdict.Level.WARN, v.level());
      assertTrue(v.message().contains("the next deployment of web will fail"), v.message());
    }
  }

  @Test
  void waitingForDeploymentsEndsAtOnce(Moto moto) {
    EcsSeed.create(moto);
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      List<Object> events = new ArrayList<>();
      DeploymentWaiter.Result r =
          new DeploymentWaiter(target.ecs(), Duration.ofSeconds(1), Duration.ofSeconds(10))
              .await(List.of(EcsSeed.ROLE_ARN), List.of(), events::add);

      assertTrue(r.done());
      assertEquals(List.of(), events);
    }
  }
}

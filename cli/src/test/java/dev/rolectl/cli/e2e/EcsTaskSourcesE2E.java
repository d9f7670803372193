package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The sources of task and execution roles that moto does not serve, on the loopback {@link
 * EcsApiServer} (answers checked against botocore's ECS model; IAM, STS and EC2 on moto): a
 * daemon whose current revision's daemon task definition names the role ({@code ListDaemons},
 * {@code DescribeDaemon}, {@code DescribeDaemonRevisions}, {@code
 * DescribeDaemonTaskDefinition}), a running task whose own {@code overrides} name it, and a
 * service's deployment in another region than the home one. Each blocks deleting the role,
 * naming what uses it; with none of them the delete goes through.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class EcsTaskSourcesE2E {
  static final String ROLE = "shared-task";
  static final String ARN = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/" + ROLE;

  static EcsApiServer server;
  @TempDir Path dir;
  EcsApiFixture fx;

  @BeforeAll
  static void start() {
    server = new EcsApiServer(MotoInstall.venv());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void seed(Moto moto) {
    server.reset();
    fx = new EcsApiFixture(moto, server);
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument(EcsTaskRolesE2E.TASKS_TRUST)
          .tags(t -> t.key("rolectl:stack").value("tasks")));
    }
  }

  @AfterEach
  void answersFollowTheModel() {
    fx.assertNoModelViolations();
  }

  private String delete() throws Exception {
    Path p = dir.resolve("none.yaml");
    Files.writeString(p, "apiVersion: rolectl/v1\nstack: tasks\n");
    return p.toString();
  }

  private void blocked(String... parts) throws Exception {
    TestCli.Run plan = fx.rolectl("plan", delete());
    assertEquals(3, plan.exit(), plan::toString);
    for (String p : parts) {
      assertTrue(plan.out().contains(p), p + " in\n" + plan);
    }
    assertTrue(plan.out().contains("[ecs-task-role-delete]"), plan::toString);
    server.world.clear();
  }

  @Test
  void daemonsTaskOverridesAndServicesInOtherRegionsUseTheRole() throws Exception {
    server.world.clusterDaemon("us-east-1", "prod", "log-agent", null, ARN);
    blocked("daemon log-agent (cluster prod, us-east-1)", "daemonTaskDefinition.executionRoleArn");

    String plain = server.world.taskDefinition("us-east-1", "batch", 1, null, null);
    ObjectNode task = server.world.task("us-east-1", "prod", "t-1", plain, "family:batch");
    task.putObject("overrides").put("taskRoleArn", ARN);
    blocked("task t-1 (family:batch) (cluster prod, us-east-1)", "overrides.taskRoleArn");

    ObjectNode api = server.world.service("eu-west-1", "edge", "api");
    EcsWorld.serviceDeploymentsEntry(api, "ecs-svc/7", "PRIMARY", "COMPLETED");
    EcsWorld.runs(api, server.world.taskDefinition("eu-west-1", "api", 3, ARN, null));
    blocked("service api (cluster edge, eu-west-1)", "taskDefinition.taskRoleArn");

    TestCli.Run apply = fx.rolectl("apply", delete(), "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
  }
}

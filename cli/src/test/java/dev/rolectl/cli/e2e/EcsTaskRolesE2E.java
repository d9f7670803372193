package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.LaunchType;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Task and execution roles on moto (which serves task definitions with {@code executionRoleArn}
 * and {@code taskRoleArn}, services whose deployments name their task definition, {@code
 * RunTask} on Fargate, {@code ListTasks} and {@code DescribeTasks}; the project's ECS launcher
 * answers the operations moto lacks as AWS does for an unknown operation): a role that a
 * service's task definition names as execution role, or as task role, or that a running task
 * names, is in use: deleting it, or taking {@code ecs-tasks.amazonaws.com} out of its trust, is
 * blocked (exit 3) naming the service or task and the region; narrowing it is a warning naming
 * them; once nothing names it, the delete goes through.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class EcsTaskRolesE2E {
  static final String STACK = "app-tasks";
  static final List<String> ROLES = List.of("web-exec", "web-task", "batch-task");
  static final String TASKS_TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\":"
      + " \"Allow\", \"Principal\": {\"Service\": \"ecs-tasks.amazonaws.com\"}, \"Action\":"
      + " \"sts:AssumeRole\"}]}";

  @TempDir Path dir;

  static String arn(String role) {
    return "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/" + role;
  }

  /** The three roles; service web runs web-exec/web-task, task batch runs batch-task. */
  static String seed(Moto moto) {
    try (IamClient iam = moto.iam()) {
      for (String r : ROLES) {
        iam.createRole(b -> b.roleName(r).assumeRolePolicyDocument(TASKS_TRUST)
            .tags(t -> t.key("rolectl:stack").value(STACK)));
      }
    }
    String subnet;
    try (var ec2 = InstanceProfileInUseE2E.ec2(moto)) {
      subnet = ec2.describeSubnets().subnets().get(0).subnetId(); // the default VPC's
    }
    try (EcsClient ecs = EcsSeed.ecs(moto)) {
      ecs.createCluster(r -> r.clusterName("prod"));
      ecs.registerTaskDefinition(r -> r.family("web").executionRoleArn(arn("web-exec"))
          .taskRoleArn(arn("web-task"))
          .containerDefinitions(c -> c.name("web").image("nginx").memory(128)));
      ecs.createService(r -> r.cluster("prod").serviceName("web").taskDefinition("web")
          .desiredCount(1));
      ecs.registerTaskDefinition(r -> r.family("batch").taskRoleArn(arn("batch-task"))
          .requiresCompatibilitiesWithStrings("FARGATE").cpu("256").memory("512")
          .networkMode("awsvpc")
          .containerDefinitions(c -> c.name("batch").image("busybox").memory(128)));
      return ecs.runTask(r -> r.cluster("prod").taskDefinition("batch")
          .launchType(LaunchType.FARGATE).count(1)
          .networkConfiguration(n -> n.awsvpcConfiguration(a -> a.subnets(subnet).securityGroups("sg-1"))))
          .tasks().get(0).taskArn();
    }
  }

  private Path stack(List<String> kept, String extra) {
    StringBuilder roles = new StringBuilder(kept.isEmpty() ? "" : "roles:\n");
    for (String r : kept) {
      roles.append("  ").append(r).append(":\n    trustPolicy:\n      Version: \"2012-10-17\"\n")
          .append("      Statement:\n        - Effect: Allow\n")
          .append("          Principal: {Service: ecs-tasks.amazonaws.com}\n")
          .append("          Action: sts:AssumeRole\n");
      if (r.equals("web-task")) {
        roles.append(extra);
      }
    }
    Path p = dir.resolve("stack-" + kept.size() + "-" + extra.length() + ".yaml");
    try {
      Files.writeString(p, "apiVersion: rolectl/v1\nstack: " + STACK + "\n" + roles);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return p;
  }

  private static TestCli.Run rolectl(Moto moto, String... args) {
    return Side.moto(moto).rolectl(args);
  }

  private static void blocked(TestCli.Run run, String... parts) {
    assertEquals(3, run.exit(), run::toString);
    for (String p : parts) {
      assertTrue(run.out().contains(p), p + " in\n" + run);
    }
  }

  @Test
  void rolesThatTaskDefinitionsInUseNameAreNotDeletedOrTakenFromEcsTasks(Moto moto) {
    String batchTask = seed(moto);
    String batchId = batchTask.substring(batchTask.lastIndexOf('/') + 1);

    blocked(rolectl(moto, "plan", stack(List.of("web-task", "batch-task"), "").toString()),
        "[ecs-task-role-delete]", "service web (cluster prod, us-east-1)",
        "taskDefinition.executionRoleArn", "--wait-for-deployments does not apply");
    blocked(rolectl(moto, "plan", stack(List.of("web-exec", "batch-task"), "").toString()),
        "[ecs-task-role-delete]", "service web (cluster prod, us-east-1)",
        "taskDefinition.taskRoleArn");
    blocked(rolectl(moto, "plan", stack(List.of("web-exec", "web-task"), "").toString()),
        "[ecs-task-role-delete]", "task " + batchId + " (family:batch)", "us-east-1");
    TestCli.Run apply = rolectl(moto, "apply", stack(List.of("web-task", "batch-task"), "")
        .toString(), "--auto-approve", "--wait-for-deployments", "30s");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(apply.out().contains("--wait-for-deployments does not apply"), apply::toString);
    assertEquals(3, moto.iam().listRoles().roles().size(), "nothing deleted");

    Path dropsTasks = stack(List.of("web-exec", "web-task", "batch-task"), "");
    try {
      Files.writeString(dropsTasks, Files.readString(dropsTasks).replaceFirst(
          "ecs-tasks.amazonaws.com", "lambda.amazonaws.com"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    blocked(rolectl(moto, "plan", dropsTasks.toString()), "[ecs-trust-drops-ecs-tasks]",
        "service web (cluster prod, us-east-1)");

    String deny = "    inlinePolicies:\n      no-s3:\n        Version: \"2012-10-17\"\n"
        + "        Statement:\n          - Effect: Deny\n            Action: s3:*\n"
        + "            Resource: \"*\"\n";
    TestCli.Run narrow = rolectl(moto, "plan",
        stack(List.of("web-exec", "web-task", "batch-task"), deny).toString());
    assertEquals(0, narrow.exit(), narrow::toString);
    assertTrue(narrow.out().contains("WARNING [ecs-task-role-narrowing]")
        && narrow.out().contains("service web (cluster prod, us-east-1)"), narrow::toString);

    try (EcsClient ecs = EcsSeed.ecs(moto)) {
      ecs.updateService(r -> r.cluster("prod").service("web").desiredCount(0));
      ecs.deleteService(r -> r.cluster("prod").service("web"));
      ecs.stopTask(r -> r.cluster("prod").task(batchTask));
    }
    TestCli.Run gone = rolectl(moto, "apply", stack(List.of(), "").toString(), "--auto-approve");
    assertEquals(0, gone.exit(), gone::toString);
    assertEquals(0, moto.iam().listRoles().roles().size(), "all three deleted");
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsWorld;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;

/**
 * IAM on moto, ECS on the loopback {@link EcsApiServer}: the guide's role put into moto, the CLI
 * run in-process with {@code AWS_ENDPOINT_URL} (IAM, STS and EC2's DescribeRegions on moto) and
 * {@code AWS_ENDPOINT_URL_ECS} (the loopback server), and helpers for ECS states.
 */
final class EcsApiFixture {
  static final String ROLE_ARN = EcsSeed.ROLE_ARN;
  static final String OTHER_ROLE_ARN = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/ecsInfrastructureRoleB";

  final Moto moto;
  final EcsApiServer ecs;

  EcsApiFixture(Moto moto, EcsApiServer ecs) {
    this.moto = moto;
    this.ecs = ecs;
  }

  /** The role as the guide makes it, owned by the stack, with its managed policy. */
  void seedRole() {
    try (IamClient iam = moto.iam()) {
      try {
        iam.createRole(
            r -> r.roleName(EcsSeed.ROLE)
                .assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST)
                .tags(t -> t.key("rolectl:stack").value(EcsSeed.STACK)));
      } catch (EntityAlreadyExistsException e) {
        // there from the previous step
      }
      iam.attachRolePolicy(r -> r.roleName(EcsSeed.ROLE).policyArn(AwsAdapterE2E.GUIDE_POLICY));
    }
  }

  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL_ECS", ecs.endpoint().toString());
    env.put("AWS_MAX_ATTEMPTS", "2"); // keeps retried 5xx and throttling short
    return env;
  }

  TestCli.Run rolectl(Map<String, String> env, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    if (!all.contains("--target")) {
      all.add("--target");
      all.add("aws");
    }
    return TestCli.run(env, all.toArray(String[]::new));
  }

  TestCli.Run rolectl(String... args) {
    return rolectl(env(), args);
  }

  /** Service web in us-east-1/prod whose load balancer names the role. */
  ObjectNode web(String region) {
    ObjectNode web = ecs.world.service(region, "prod", "web");
    EcsWorld.loadBalancer(web, ROLE_ARN);
    EcsWorld.serviceDeploymentsEntry(web, "ecs-svc/1", "PRIMARY", "COMPLETED");
    return web;
  }

  /** A deployment of the service moving it to a revision that names the role. */
  String deployment(String region, ObjectNode service, String status, String stage) {
    String from = ecs.world.revision(region, service, "1", ROLE_ARN);
    String to = ecs.world.revision(region, service, "2", ROLE_ARN);
    return ecs.world.serviceDeployment(region, service, "d2", status, stage, List.of(from), to);
  }

  void assertNoModelViolations() {
    assertEquals(List.of(), ecs.violations(), "answers outside botocore's ECS model");
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer.Fault;
import dev.rolectl.cli.e2e.ecsapi.EcsWorld;
import dev.rolectl.engine.live.DeploymentSignals;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The {@code aws} ECS adapter against the loopback {@link EcsApiServer}, which stands in for real
 * ECS and answers only with botocore's model: every service deployment status and lifecycle stage,
 * pagination at every level, a second cluster and region, capacity providers, gateways and Express
 * gateway services, what counts as a missing API, access denied on each call, and throttling. No
 * moto server: regions are named, so EC2 is not asked.
 */
@Tag("e2e")
class EcsApiAdapterE2E {
  static final String ROLE = EcsApiFixture.ROLE_ARN;
  static final String OTHER = EcsApiFixture.OTHER_ROLE_ARN;
  static EcsApiServer server;
  Target target;

  @BeforeAll
  static void start() {
    MotoInstall.ensureInstalled(); // the model comes from its botocore
    server = new EcsApiServer(MotoInstall.venv());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @BeforeEach
  void open() {
    server.reset();
    TargetOptions options = TargetOptions.defaults()
        .withRegion("us-east-1")
        .withCredentials(new TargetOptions.Credentials("testing", "testing", null))
        .withEndpoint(java.net.URI.create("http://127.0.0.1:" + AwsAdapterE2E.closedPort()))
        .withServiceEndpoint("ecs", server.endpoint())
        .withMaxAttempts(2);
    target = Targets.open("aws", options);
  }

  @AfterEach
  void close() {
    target.close();
    assertEquals(List.of(), server.violations(), "answers outside botocore's ECS model");
  }

  private EcsScan scan(String... regions) {
    return target.ecs().rescan(List.of(ROLE), List.of(regions));
  }

  private ObjectNode web(String region, String cluster, String name, String role) {
    ObjectNode s = server.world.service(region, cluster, name);
    EcsWorld.loadBalancer(s, role);
    EcsWorld.serviceDeploymentsEntry(s, "ecs-svc/1", "PRIMARY", "COMPLETED");
    return s;
  }

  private String deploy(String region, ObjectNode s, String id, String status, String stage, String role) {
    String from = server.world.revision(region, s, id + "-from", role);
    String to = server.world.revision(region, s, id + "-to", role);
    return server.world.serviceDeployment(region, s, id, status, stage, List.of(from), to);
  }

  @Test
  void everyStatusAndLifecycleStageOfTheModelHasItsVerdict() {
    List<String> statuses = server.model.enumValues("ServiceDeploymentStatus");
    Set<String> known = new LinkedHashSet<>(DeploymentSignals.ACTIVE_STATUSES);
    known.addAll(DeploymentSignals.COMPLETED_STATUSES);
    assertEquals(known, new LinkedHashSet<>(statuses), "rolectl knows every status of the model");
    for (String status : statuses) {
      server.reset();
      deploy("us-east-1", web("us-east-1", "prod", "web", ROLE), "d1", status, null, ROLE);
      EcsScan scan = scan("us-east-1");
      assertTrue(scan.isKnown(), scan::toString);
      boolean finished = DeploymentSignals.COMPLETED_STATUSES.contains(status);
      assertEquals(!finished, scan.deploying(ROLE), status);
    }
    for (String stage : server.model.enumValues("ServiceDeploymentLifecycleStage")) {
      server.reset();
      deploy("us-east-1", web("us-east-1", "prod", "web", ROLE), "d1", "IN_PROGRESS", stage, ROLE);
      ServiceUse use = scan("us-east-1").usesOf(ROLE).get(0);
      assertEquals(stage, use.activeDeployments().get(0).lifecycleStage());
      assertTrue(use.source().startsWith("ListServiceDeployments"), use.source());
    }
  }

  @Test
  void paginationAtEveryLevelASecondClusterAndASecondRegion() {
    server.pageSize(1);
    server.world.cluster("us-east-1", "a");
    server.world.service("us-east-1", "b", "steady").put("launchType", "FARGATE");
    EcsWorld.onCapacityProvider(web("us-east-1", "b", "other", OTHER), "cp-other");
    // a service with neither a launch type nor a strategy may run on the cluster's default
    // capacity provider, so it counts as running on cp (conservatively)
    server.world.service("us-east-1", "b", "default");
    ObjectNode s3 = web("us-east-1", "b", "web", ROLE);
    deploy("us-east-1", s3, "d1", "SUCCESSFUL", "CLEAN_UP", ROLE);
    deploy("us-east-1", s3, "d2", "STOPPED", null, ROLE);
    String d3 = deploy("us-east-1", s3, "d3", "IN_PROGRESS", "BAKE_TIME", ROLE);
    server.world.capacityProvider("us-east-1", "b", "cp-other", OTHER);
    server.world.capacityProvider("us-east-1", "b", "cp", ROLE);
    server.world.gateway("us-east-1", "gw-other", OTHER, "ACTIVE");
    server.world.gateway("us-east-1", "gw", ROLE, "UPDATE_IN_PROGRESS");
    ObjectNode s4 = web("eu-west-1", "c", "api", ROLE);
    String d4 = deploy("eu-west-1", s4, "d1", "PENDING", null, ROLE);

    EcsScan scan = scan("us-east-1", "eu-west-1");

    assertTrue(scan.isKnown(), scan::toString);
    List<String> found = new ArrayList<>();
    for (ServiceUse u : scan.usesOf(ROLE)) {
      found.add(u.describe() + (u.deploying() ? " " + u.activeDeployments().get(0).id() : ""));
    }
    assertEquals(
        List.of(
            "service default (cluster b, us-east-1)",
            "service web (cluster b, us-east-1) " + d3,
            "capacity provider cp (cluster b, us-east-1)",
            "gateway gw (us-east-1) gateway gw",
            "service api (cluster c, eu-west-1) " + d4),
        found);
    assertEquals(2, scan.regions().size());
    assertEquals(3, scan.clusters().size(), scan.clusters()::toString);
    assertTrue(server.calls("ListClusters").size() >= 3, "two pages in us-east-1");
    assertTrue(server.calls("ListServices").stream().filter(c -> c.body().has("nextToken")).count() >= 2);
    assertTrue(server.calls("ListServiceDeployments").stream().filter(c -> c.body().has("nextToken")).count() >= 2);
    assertTrue(server.calls("DescribeCapacityProviders").stream().anyMatch(c -> c.body().has("nextToken")));
    assertTrue(server.calls("ListGateways").stream().anyMatch(c -> c.body().has("nextToken")));
  }

  @Test
  void expressGatewayServicesAndRevisionsNameRolesToo() {
    ObjectNode express = server.world.service("us-east-1", "prod", "shop");
    server.world.express("us-east-1", express, ROLE);
    deploy("us-east-1", express, "d1", "IN_PROGRESS", "SCALE_UP", null);
    ObjectNode moving = web("us-east-1", "prod", "web", OTHER);
    String from = server.world.revision("us-east-1", moving, "1", ROLE);
    String to = server.world.revision("us-east-1", moving, "2", OTHER);
    server.world.serviceDeployment("us-east-1", moving, "d9", "IN_PROGRESS", "TEST_TRAFFIC_SHIFT", List.of(from), to);

    EcsScan scan = scan("us-east-1");

    assertTrue(scan.isKnown(), scan::toString);
    List<ServiceUse> uses = scan.usesOf(ROLE);
    assertEquals(2, uses.size(), uses::toString);
    assertEquals(Set.of(EcsRoleField.EXPRESS_GATEWAY_SERVICE), uses.get(0).fields());
    assertEquals(Set.of(EcsRoleField.SERVICE_REVISION), uses.get(1).fields());
    assertTrue(uses.stream().allMatch(ServiceUse::deploying));
  }

  @Test
  void whenTheEnabledRegionsCannotBeReadEcsIsUnknownAndTheReasonSaysHowToNameThem() {
    web("us-east-1", "prod", "web", ROLE);
    TargetOptions options = TargetOptions.defaults()
        .withRegion("us-east-1")
        .withCredentials(new TargetOptions.Credentials("testing", "testing", null))
        .withServiceEndpoint("ecs", server.endpoint())
        .withServiceEndpoint("ec2", server.endpoint()) // answers DescribeRegions with 403
        .withMaxAttempts(2);
    try (Target denied = Targets.open("aws", options)) {
      EcsScan scan = denied.ecs().scan(List.of(ROLE), List.of());

      assertFalse(scan.isKnown());
      String reason = scan.reason().get();
      assertTrue(reason.contains("cannot list the regions enabled for the account"), reason);
      assertTrue(reason.contains("denied for DescribeRegions") && reason.contains("ec2:DescribeRegions"), reason);
      assertTrue(reason.contains("settings: {ecs: {regions: ["), reason);
      assertEquals(1, server.calls("DescribeRegions").size());

      EcsScan named = denied.ecs().scan(List.of(ROLE), List.of("us-east-1"));
      assertTrue(named.isKnown(), "the regions named in the stack are read instead");
      assertTrue(named.partial().orElseThrow().contains("only the stack's settings.ecs.regions (us-east-1)"),
          named::toString);
      assertEquals(List.of("us-east-1"), named.regions());
      assertEquals(1, server.calls("DescribeRegions").size(), "asked once per run, failed or not");
    }
  }

  /**
   * A daemon deploying on a Managed Instances capacity provider that names the role: ECS launches
   * and drains the provider's instances with that role (ListDaemons by capacity provider, then
   * ListDaemonDeployments).
   */
  @Test
  void aDaemonDeployingOnACapacityProviderNamingTheRoleCounts() {
    ObjectNode cp = server.world.capacityProvider("us-east-1", "prod", "managed", ROLE);
    String daemon = server.world.daemon("us-east-1", cp, "log-agent");
    server.world.daemonDeployment("us-east-1", daemon, "d1", "SUCCESSFUL");
    String d2 = server.world.daemonDeployment("us-east-1", daemon, "d2", "IN_PROGRESS");

    ServiceUse use = scan("us-east-1").usesOf(ROLE).get(0);

    assertEquals("capacity provider managed (cluster prod, us-east-1)", use.describe());
    assertEquals(List.of(d2), use.activeDeployments().stream().map(a -> a.id()).toList());
    assertTrue(use.source().contains("ListDaemonDeployments"), use.source());
    server.world.setDaemonDeploymentStatus("us-east-1", "ROLLBACK_SUCCESSFUL");
    assertFalse(scan("us-east-1").deploying(ROLE));
    server.calls("ListDaemonDeployments").forEach(
        c -> assertFalse(c.body().has("status"), "no status filter: " + c.body()));
  }

  @Test
  void onlyAPositiveAnswerLetsServiceDeploymentsDecide() {
    web("us-east-1", "prod", "web", ROLE);
    for (Fault f : List.of(
        new Fault("ListServiceDeployments", null, 501, null),
        new Fault("ListServiceDeployments", null, 400, "UnknownOperationException"))) {
      server.clearFaults();
      server.fail(f);
      EcsScan scan = scan("us-east-1");
      assertTrue(scan.isKnown(), f + ": " + scan);
      assertTrue(scan.usesOf(ROLE).get(0).source().contains("fallback"), f.toString());
    }
    for (Fault f : List.of(
        new Fault("ListServiceDeployments", null, 500, null),
        new Fault("ListServiceDeployments", null, 502, null),
        new Fault("ListServiceDeployments", null, 500, "ServerException"))) {
      server.clearFaults();
      server.fail(f);
      EcsScan scan = scan("us-east-1");
      assertFalse(scan.isKnown(), f + ": " + scan);
    }
  }

  @Test
  void accessDeniedOnEachCallLeavesEcsUnknownNamingTheCallAndThePermission() {
    ObjectNode web = web("us-east-1", "prod", "web", ROLE);
    deploy("us-east-1", web, "d1", "IN_PROGRESS", "SCALE_UP", ROLE);
    server.world.express("us-east-1", server.world.service("us-east-1", "prod", "shop"), OTHER);
    ObjectNode cp = server.world.capacityProvider("us-east-1", "prod", "cp", OTHER);
    server.world.daemonDeployment("us-east-1", server.world.daemon("us-east-1", cp, "agent"), "d1", "SUCCESSFUL");
    server.world.gateway("us-east-1", "gw", OTHER, "ACTIVE");
    List<String> ops = List.of("ListClusters", "ListServices", "DescribeServices",
        "DescribeExpressGatewayService", "DescribeCapacityProviders", "ListDaemons",
        "ListDaemonDeployments", "ListGateways",
        "DescribeGateway", "ListServiceDeployments", "DescribeServiceDeployments",
        "DescribeServiceRevisions");
    for (String op : ops) {
      server.clearFaults();
      server.fail(new Fault(op, null, 400, "AccessDeniedException"));
      EcsScan scan = scan("us-east-1");
      assertFalse(scan.isKnown(), op + ": " + scan);
      String reason = scan.reason().get();
      assertTrue(reason.contains("denied for " + op) && reason.contains("ecs:" + op), reason);
    }
    server.clearFaults();
    server.fail(new Fault("ListServiceDeployments", null, 400, "ThrottlingException"));
    EcsScan throttled = scan("us-east-1");
    assertFalse(throttled.isKnown());
    assertTrue(throttled.reason().get().contains("throttled ListServiceDeployments"), throttled::toString);
    assertEquals(ops.size() + 1, server.calls().stream().filter(c -> c.operation().equals("ListClusters")).count(),
        "every scan read anew");
  }
}

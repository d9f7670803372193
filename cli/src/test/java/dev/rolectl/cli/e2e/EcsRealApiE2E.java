package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.InterlockStacks.Change;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer.Fault;
import dev.rolectl.cli.e2e.ecsapi.EcsWorld;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The seven ways issue 8 found a disruptive change going through on real AWS, each run with the
 * real CLI (in-process; IAM, STS and EC2 on moto, ECS on the loopback {@link EcsApiServer} through
 * {@code AWS_ENDPOINT_URL_ECS}): {@code plan} and {@code apply} exit 3 and leave the role, its
 * trust policy and its attachment as they were; once the deployment is over the change goes
 * through. ECS answers come from the server, which stands in for real ECS (moto has no service
 * deployments, service revisions or Managed Instances capacity providers) and answers only with
 * botocore's model; each test says which AWS behaviour it stands in for.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class EcsRealApiE2E {
  static EcsApiServer server;
  @TempDir Path dir;
  EcsApiFixture fx;
  InterlockIam before;

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
    fx.seedRole();
    before = InterlockIam.read(moto).orElseThrow();
  }

  @AfterEach
  void answersFollowTheModel() {
    fx.assertNoModelViolations();
  }

  private void blocked(TestCli.Run run, String... parts) {
    assertEquals(3, run.exit(), run::toString);
    for (String p : parts) {
      assertTrue(run.out().contains(p) || run.err().contains(p), p + " in\n" + run);
    }
    assertEquals(before, InterlockIam.read(fx.moto).orElseThrow(), "role, trust and attachment unchanged");
  }

  private void goesThrough(String stack) {
    TestCli.Run apply = fx.rolectl("apply", stack, "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(InterlockIam.read(fx.moto).isEmpty(), "the role was deleted");
  }

  private String delete() {
    return InterlockStacks.changed(dir, Change.DELETE).toString();
  }

  /**
   * Case 1. Stands in for a proxy or gateway in front of ECS answering ListServiceDeployments
   * with 502, 503 or 504 and no AWS error code while a deployment is PENDING (Service.deployments[]
   * still shows one COMPLETED PRIMARY) or in CLEAN_UP (old PRIMARY already INACTIVE, new PRIMARY
   * without rolloutState): unknown, never "API missing".
   */
  @Test
  void case1_aServerErrorWithoutAnErrorCodeBlocks() {
    ObjectNode web = fx.web("us-east-1");
    fx.deployment("us-east-1", web, "PENDING", null);
    server.fail(new Fault("ListServiceDeployments", null, 502, null));
    blocked(fx.rolectl("plan", delete()), "HTTP 502 without an AWS error code", "fail closed");
    blocked(fx.rolectl("apply", delete(), "--auto-approve"), "Blocked by a safety rule");

    server.reset();
    web = fx.ecs.world.service("us-east-1", "prod", "web");
    EcsWorld.loadBalancer(web, EcsApiFixture.ROLE_ARN);
    EcsWorld.serviceDeploymentsEntry(web, "ecs-svc/2", "PRIMARY", null);
    EcsWorld.serviceDeploymentsEntry(web, "ecs-svc/1", "INACTIVE", "COMPLETED");
    fx.deployment("us-east-1", web, "IN_PROGRESS", "CLEAN_UP");
    server.fail(new Fault("ListServiceDeployments", null, 503, null));
    blocked(fx.rolectl("plan", delete()), "HTTP 503 without an AWS error code");
    blocked(fx.rolectl("apply", delete(), "--auto-approve"));
    server.clearFaults();
    server.fail(new Fault("ListServiceDeployments", null, 504, null));
    blocked(fx.rolectl("plan", delete()), "HTTP 504 without an AWS error code");

    server.clearFaults();
    blocked(fx.rolectl("plan", delete()), "CLEAN_UP", "source: ListServiceDeployments");
    server.reset();
    ObjectNode over = fx.web("us-east-1");
    fx.deployment("us-east-1", over, "SUCCESSFUL", "CLEAN_UP");
    goesThrough(delete());
  }

  /**
   * Case 1, the other half: an endpoint that positively lacks the API (HTTP 501) at plan time does
   * not make apply's re-check use the fallback; the re-check asks again and finds the deployment.
   */
  @Test
  void case1_theFallbackIsDecidedOnEveryReadNeverRemembered() {
    ObjectNode web = fx.web("us-east-1");
    server.fail(new Fault("ListServiceDeployments", null, 501, null));
    Path plan = dir.resolve("plan.json");
    TestCli.Run planned = fx.rolectl("plan", delete(), "--out", plan.toString());
    assertEquals(0, planned.exit(), planned::toString);
    assertTrue(planned.out().contains("fallback: ListServiceDeployments answered HTTP 501"), planned::toString);

    server.clearFaults();
    fx.deployment("us-east-1", web, "IN_PROGRESS", "TEST_TRAFFIC_SHIFT");
    blocked(fx.rolectl("apply", plan.toString(), "--auto-approve"), "TEST_TRAFFIC_SHIFT",
        "source: ListServiceDeployments");
  }

  /**
   * Case 2. A saved plan made with settings.ecs.regions [us-east-1, eu-west-1] records both; a
   * deployment that starts in eu-west-1 after the plan is caught by apply's re-check.
   */
  @Test
  void case2_aSavedPlanRechecksEveryRegionItRead() throws Exception {
    fx.web("us-east-1");
    String stack = InterlockStacks.write(dir.resolve("regions.yaml"),
        Files.readString(Path.of(delete())) + "settings: {ecs: {regions: [us-east-1, eu-west-1]}}\n").toString();
    Path plan = dir.resolve("plan.json");
    TestCli.Run planned = fx.rolectl("plan", stack, "--out", plan.toString());
    assertEquals(0, planned.exit(), planned::toString);
    String recorded = new ObjectMapper().readTree(plan.toFile()).path("ecs").path("regions").toString();
    assertTrue(recorded.contains("\"us-east-1\"") && recorded.contains("\"eu-west-1\"")
        && recorded.contains("\"ap-south-1\""), "the named regions and every enabled one: " + recorded);

    ObjectNode api = fx.ecs.world.service("eu-west-1", "blue", "api");
    EcsWorld.loadBalancer(api, EcsApiFixture.ROLE_ARN);
    String d = fx.deployment("eu-west-1", api, "IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT");
    blocked(fx.rolectl("apply", plan.toString(), "--auto-approve"), "service api (cluster blue, eu-west-1)");
    // the same as a child process, as a user runs it: the SDK's own AWS_ENDPOINT_URL_ECS handling
    dev.rolectl.cli.CliRun child = RolectlProcess.run(dir, fx.env(), "apply", plan.toString(), "--auto-approve");
    assertEquals(3, child.exitCode(), child::toString);
    assertTrue(child.out().contains(d), child::toString);
    assertEquals(before, InterlockIam.read(fx.moto).orElseThrow());

    fx.ecs.world.setDeploymentStatus("eu-west-1", "SUCCESSFUL");
    TestCli.Run apply = fx.rolectl("apply", plan.toString(), "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(InterlockIam.read(fx.moto).isEmpty(), d);
  }

  /**
   * Case 3. Only AWS_DEFAULT_REGION=eu-west-1 (what the AWS CLI and CloudShell use) and no
   * settings.ecs.regions: every region DescribeRegions lists (moto stands in for EC2) is scanned,
   * eu-west-1 included. When the regions cannot be read and the stack names none, it blocks and
   * says how to name them.
   */
  @Test
  void case3_everyEnabledRegionIsCheckedWithoutSettings() {
    Map<String, String> env = new java.util.HashMap<>(fx.env());
    env.remove("AWS_REGION");
    env.put("AWS_DEFAULT_REGION", "eu-west-1");
    ObjectNode web = fx.web("eu-west-1");
    fx.deployment("eu-west-1", web, "IN_PROGRESS", "BAKE_TIME");
    blocked(fx.rolectl(env, "plan", delete()), "service web (cluster prod, eu-west-1)", "BAKE_TIME");
    blocked(fx.rolectl(env, "apply", delete(), "--auto-approve"));
    assertTrue(server.calls("ListClusters").stream().map(EcsApiServer.Call::region).distinct().count() > 10,
        "every region DescribeRegions listed was read");

    Map<String, String> noRegions = new java.util.HashMap<>(env);
    noRegions.put("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:" + AwsAdapterE2E.closedPort());
    blocked(fx.rolectl(noRegions, "plan", delete()), "cannot list the regions enabled for the account",
        "settings: {ecs: {regions:");

    fx.ecs.world.setDeploymentStatus("eu-west-1", "STOPPED");
    TestCli.Run apply = fx.rolectl(env, "apply", delete(), "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
  }

  /**
   * settings.ecs.regions add to the scan: a stack naming eu-west-1 only is still blocked by the
   * deployment in us-east-1 (every region DescribeRegions lists is read, moto standing in for
   * EC2). When DescribeRegions cannot be read, only the named regions are checked and the verdict
   * says so: a warning, not "safe".
   */
  @Test
  void namedRegionsAddToTheEnabledOnesAndAloneOnlyWarn() throws Exception {
    ObjectNode web = fx.web("us-east-1");
    fx.deployment("us-east-1", web, "IN_PROGRESS", "BAKE_TIME");
    String eu = InterlockStacks.write(dir.resolve("eu.yaml"),
        Files.readString(Path.of(delete())) + "settings: {ecs: {regions: [eu-west-1]}}\n").toString();
    blocked(fx.rolectl("plan", eu), "service web (cluster prod, us-east-1)", "BAKE_TIME");
    blocked(fx.rolectl("apply", eu, "--auto-approve"), "Blocked by a safety rule");

    fx.ecs.world.setDeploymentStatus("us-east-1", "SUCCESSFUL");
    server.reset();
    Map<String, String> noRegions = new java.util.HashMap<>(fx.env());
    noRegions.put("AWS_ENDPOINT_URL_EC2", "http://127.0.0.1:" + AwsAdapterE2E.closedPort());
    TestCli.Run plan = fx.rolectl(noRegions, "plan", eu, "--no-color");
    assertEquals(0, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("could not check every region")
        && plan.out().contains("only the stack's settings.ecs.regions (eu-west-1) were checked"),
        plan::toString);
    assertFalse(plan.out().contains("safe [ecs-role-delete]"), plan::toString);
  }

  /**
   * Stands in for an ECS endpoint that accepts connections and never answers (a black-holed
   * proxy), with every enabled region to scan (moto's DescribeRegions lists 38): the regions not
   * started when the first one went silent are not tried, so the plan waits about one time-out
   * instead of one per batch of eight regions, and blocks with one reason instead of one per
   * region.
   */
  @Test
  void aSilentEcsEndpointIsWaitedForOnceNotOncePerRegion() {
    fx.deployment("us-east-1", fx.web("us-east-1"), "IN_PROGRESS", "BAKE_TIME");
    server.fail(new Fault("ListClusters", null, EcsApiServer.NO_ANSWER, null));
    TestCli.Run plan = fx.rolectl("plan", delete(), "--timeout", "2s");
    blocked(plan, "did not answer", "the other regions were not read after ECS in ");
    long asked = server.calls("ListClusters").stream().map(EcsApiServer.Call::region).distinct().count();
    assertTrue(asked <= 8, asked + " regions asked: at most one batch waits");
    assertTrue(plan.out().length() < 8_000, "one reason, not one per region:\n" + plan.out());
    server.reset(); // lets the held requests go
  }

  /**
   * Case 4. The service now names role B, and its deployment moves it from a revision naming our
   * role A: the revision being replaced (DescribeServiceRevisions) still uses A.
   */
  @Test
  void case4_theRevisionBeingReplacedCounts() {
    ObjectNode web = fx.ecs.world.service("us-east-1", "prod", "web");
    EcsWorld.loadBalancer(web, EcsApiFixture.OTHER_ROLE_ARN);
    String a = fx.ecs.world.revision("us-east-1", web, "1", EcsApiFixture.ROLE_ARN);
    String b = fx.ecs.world.revision("us-east-1", web, "2", EcsApiFixture.OTHER_ROLE_ARN);
    fx.ecs.world.serviceDeployment("us-east-1", web, "d2", "IN_PROGRESS", "PRODUCTION_TRAFFIC_SHIFT", List.of(a), b);
    blocked(fx.rolectl("plan", delete()), "sourceServiceRevisions", "service web");
    blocked(fx.rolectl("apply", delete(), "--auto-approve"));
    assertFalse(server.calls("DescribeServiceRevisions").isEmpty());

    fx.ecs.world.setDeploymentStatus("us-east-1", "SUCCESSFUL");
    goesThrough(delete());
  }

  /**
   * Case 5. A Managed Instances capacity provider names the role
   * (managedInstancesProvider.infrastructureRoleArn) and service api runs on it while it deploys.
   */
  @Test
  void case5_aCapacityProviderNamingTheRoleWithADeployingServiceOnItBlocks() {
    fx.ecs.world.capacityProvider("us-east-1", "prod", "managed", EcsApiFixture.ROLE_ARN);
    ObjectNode api = fx.ecs.world.service("us-east-1", "prod", "api");
    EcsWorld.onCapacityProvider(api, "managed");
    String from = fx.ecs.world.revision("us-east-1", api, "1", null);
    String to = fx.ecs.world.revision("us-east-1", api, "2", null);
    fx.ecs.world.serviceDeployment("us-east-1", api, "d2", "IN_PROGRESS", "SCALE_UP", List.of(from), to);
    blocked(fx.rolectl("plan", delete()), "service api (cluster prod, us-east-1)",
        "capacityProviderStrategy[] -> managedInstancesProvider.infrastructureRoleArn");
    blocked(fx.rolectl("apply", delete(), "--auto-approve"));

    fx.ecs.world.setDeploymentStatus("us-east-1", "SUCCESSFUL");
    TestCli.Run plan = fx.rolectl("plan", delete());
    assertEquals(0, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("capacity provider managed (cluster prod, us-east-1) uses it"), plan::toString);
    goesThrough(delete());
  }

  /**
   * Case 6. ListServiceDeployments is asked without a status filter, so a status AWS adds later
   * reaches the "not known to be finished counts as active" rule. ROLLBACK_PAUSED is not in the
   * model: it stands in for such a future status (the server is told to allow it).
   */
  @Test
  void case6_aStatusRolectlDoesNotKnowCountsAsActive() {
    server.model.allowFutureValue("ROLLBACK_PAUSED");
    ObjectNode web = fx.web("us-east-1");
    fx.deployment("us-east-1", web, "ROLLBACK_PAUSED", null);
    blocked(fx.rolectl("plan", delete()), "ROLLBACK_PAUSED");
    blocked(fx.rolectl("apply", delete(), "--auto-approve"));
    assertFalse(server.calls("ListServiceDeployments").isEmpty());
    server.calls("ListServiceDeployments").forEach(
        c -> assertFalse(c.body().has("status"), "no status filter: " + c.body()));

    fx.ecs.world.setDeploymentStatus("us-east-1", "ROLLBACK_SUCCESSFUL");
    goesThrough(delete());
  }

  /**
   * Case 7. rolectl snapshot records ECS; a snapshot taken while nothing deploys lets the delete
   * plan with a warning ("as of"), apply of that plan still re-checks live ECS; a snapshot taken
   * during a deployment blocks.
   */
  @Test
  void case7_aSnapshotRecordsEcsAndPlansAgainstItAsOfItsTime() throws Exception {
    ObjectNode web = fx.web("us-east-1");
    Path idle = dir.resolve("idle.json");
    TestCli.Run snap = fx.rolectl("snapshot", "--out", idle.toString());
    assertEquals(0, snap.exit(), snap::toString);
    String json = Files.readString(idle);
    assertTrue(json.contains("\"scannedAt\"") && json.contains("\"regions\"") && json.contains("\"web\""), json);

    Path plan = dir.resolve("plan.json");
    TestCli.Run planned = fx.rolectl("plan", delete(), "--target", "snapshot:" + idle, "--out", plan.toString());
    assertEquals(0, planned.exit(), planned::toString);
    assertTrue(planned.out().contains("As of "), planned::toString);

    String d = fx.deployment("us-east-1", web, "IN_PROGRESS", "TEST_TRAFFIC_SHIFT");
    Path busy = dir.resolve("busy.json");
    assertEquals(0, fx.rolectl("snapshot", "--out", busy.toString()).exit());
    blocked(fx.rolectl("plan", delete(), "--target", "snapshot:" + busy), "As of ", d);
    blocked(fx.rolectl("apply", plan.toString(), "--target", "aws", "--auto-approve"), d);

    Path one = dir.resolve("one.json");
    assertEquals(0, fx.rolectl("snapshot", "--out", one.toString(), "--ecs-region", "us-east-1").exit());
    assertEquals("[\"us-east-1\"]",
        new ObjectMapper().readTree(one.toFile()).path("ecs").path("regions").toString());

    // access denied while taking it: no snapshot that would say "nothing deploys"
    server.fail(new Fault("ListClusters", "us-east-1", 400, "AccessDeniedException"));
    Path denied = dir.resolve("denied.json");
    TestCli.Run refused = fx.rolectl("snapshot", "--out", denied.toString());
    assertEquals(1, refused.exit(), refused::toString);
    assertTrue(refused.err().contains("cannot record ECS") && refused.err().contains("denied for ListClusters"),
        refused::toString);
    assertFalse(Files.exists(denied));
    server.clearFaults();

    fx.ecs.world.setDeploymentStatus("us-east-1", "SUCCESSFUL");
    TestCli.Run apply = fx.rolectl("apply", plan.toString(), "--target", "aws", "--auto-approve");
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(InterlockIam.read(fx.moto).isEmpty());
  }
}

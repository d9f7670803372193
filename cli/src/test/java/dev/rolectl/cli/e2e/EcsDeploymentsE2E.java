package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.live.aws.AwsEcsDeployments;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.safety.Safety;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code aws} ECS adapter and the safety check against moto while a blue/green deployment is
 * under way: with {@code MOTO_ECS_SERVICE_RUNNING=0} a new service has no running task, so its
 * PRIMARY deployment reports rollout {@code IN_PROGRESS}. Moto 5.2.5 has no service-deployments API
 * (it answers {@code ListServiceDeployments} with HTTP 500), so the adapter falls back to {@code
 * Service.deployments[]}.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0"})
class EcsDeploymentsE2E {

  @Test
  void aRolloutInProgressIsAnActiveDeploymentOfTheServiceThatUsesTheRole(Moto moto) {
    EcsSeed.create(moto);
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      long started = System.nanoTime();
      EcsScan scan = target.ecs().scan(List.of(EcsSeed.ROLE_ARN), List.of("us-east-1"));
      long millis = (System.nanoTime() - started) / 1_000_000;

      // the named region adds to the enabled ones (moto enables every region it knows)
      assertTrue(scan.regions().contains("us-east-1") && scan.regions().size() > 1,
          scan.regions()::toString);
      List<ServiceUse> uses = scan.usesOf(EcsSeed.ROLE_ARN);
      assertEquals(1, uses.size(), uses::toString);
      ServiceUse web = uses.get(0);
      assertEquals("us-east-1", web.region());
      assertEquals(EcsSeed.CLUSTER, web.cluster());
      assertEquals(EcsSeed.SERVICE, web.service());
      assertEquals(Set.of(EcsRoleField.LOAD_BALANCER), web.fields());
      assertEquals(1, web.activeDeployments().size());
      ActiveDeployment d = web.activeDeployments().get(0);
      assertTrue(d.id().startsWith("ecs-svc/"), d.id());
      assertEquals("PRIMARY", d.status());
      assertEquals("IN_PROGRESS", d.rolloutState());
      assertNotNull(d.startedAt());
      assertTrue(
          web.source().startsWith("Service.deployments[] (fallback: ListServiceDeployments answered"
              + " HTTP 400 UnknownOperationException"),
          web.source());
      // service worker names no role but is rolling out too; without the service-deployments API
      // rolectl cannot read which roles the revision it replaces names: unknown, fail closed
      assertFalse(scan.isKnown(), scan::toString);
      assertTrue(scan.reason().get().contains("service worker"), scan::toString);

      ApiStats first = target.stats();
      assertEquals(scan.regions().size(), first.calls("ListClusters"), "once per region");
      assertEquals(1, first.calls("ListServices"), "only us-east-1 has a cluster");
      assertEquals(1, first.calls("DescribeServices"), "two services, one batch");
      assertEquals(2, first.calls("ListServiceDeployments"), "web and worker, once each");
      System.out.println(
          "[ecs-e2e] first scan "
              + millis
              + " ms, "
              + first.callsByOperation()
              + ", "
              + first.attempts()
              + " HTTP attempts");

      target
          .ecs()
          .scan(List.of(EcsSeed.ROLE_ARN, "arn:aws:iam::123456789012:role/other"), List.of("us-east-1"));
      assertEquals(
          first.callsByOperation(), target.stats().callsByOperation(), "a region is read once");

      assertTrue(
          target.ecs().rescan(List.of(EcsSeed.ROLE_ARN), List.of("us-east-1")).deploying(EcsSeed.ROLE_ARN));
      assertEquals(2, target.stats().calls("DescribeServices"), "a rescan reads anew");
      assertEquals(
          4,
          target.stats().calls("ListServiceDeployments"),
          "a missing API is asked about again on every read, never remembered");
    }
  }

  @Test
  void deletingTheRoleIsBlockedNamingTheDeployment(Moto moto) {
    EcsSeed.create(moto);
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      LiveAccount live = target.iam().read(ReadRequest.rolesAndPolicies());
      Stack stack = EcsSeed.stackWithoutTheRole();
      Plan plan =
          Differ.plan(stack, live, new PlanOptions(false, "aws", Instant.now()))
              .plan()
              .orElseThrow();

      Plan checked = Safety.check(plan, stack, live, target.ecs(), Clock.systemUTC());

      assertTrue(checked.blocked());
      Verdict v = verdict(checked, Address.role(EcsSeed.ROLE));
      assertEquals(Verdict.Level.BLOCK, v.level());
      assertEquals("ecs-role-delete", v.rule());
      for (String part :
          List.of(
              "service web (cluster prod, us-east-1)",
              "ecs-svc/",
              "PRIMARY",
              "rollout IN_PROGRESS",
              "--wait-for-deployments")) {
        assertTrue(v.message().contains(part), part + " in " + v.message());
      }
      Verdict detach =
          verdict(checked, Address.attachment(EcsSeed.ROLE, AwsAdapterE2E.GUIDE_POLICY));
      assertEquals("ecs-policy-detach", detach.rule());
      assertEquals(Verdict.Level.BLOCK, detach.level());
    }
  }

  @Test
  void anUnreachableEcsEndpointIsUnknownAndBlocks(Moto moto) {
    EcsSeed.create(moto);
    URI closed = URI.create("http://127.0.0.1:" + AwsAdapterE2E.closedPort());
    try (Target target = Targets.open("aws", moto.targetOptions());
        AwsEcsDeployments ecs =
            new AwsEcsDeployments(moto.targetOptions().withEndpoint(closed).withMaxAttempts(1))) {
      EcsScan scan = ecs.scan(List.of(EcsSeed.ROLE_ARN), List.of("us-east-1"));

      assertFalse(scan.isKnown());
      String reason = scan.reason().orElseThrow();
      assertTrue(reason.startsWith("cannot reach ECS in us-east-1"), reason);
      assertTrue(reason.contains("AWS_ENDPOINT_URL_ECS"), reason);

      LiveAccount live = target.iam().read(ReadRequest.rolesAndPolicies());
      Stack stack = EcsSeed.stackWithoutTheRole();
      Plan plan =
          Differ.plan(stack, live, new PlanOptions(false, "aws", Instant.now()))
              .plan()
              .orElseThrow();
      Verdict v =
          verdict(
              Safety.check(plan, stack, live, ecs, Clock.systemUTC()), Address.role(EcsSeed.ROLE));
      assertEquals(Verdict.Level.BLOCK, v.level());
      assertTrue(
          v.message().contains("fail closed") && v.message().contains("cannot reach"),
          v.message());
      assertTrue(
          v.message().contains("cannot list the regions enabled for the account"), v.message());
    }
  }

  @Test
  void theSdkTakesTheEcsEndpointFromAwsEndpointUrlEcs(Moto moto, @TempDir Path home)
      throws Exception {
    EcsSeed.create(moto);
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + AwsAdapterE2E.closedPort());
    env.put("AWS_ENDPOINT_URL_ECS", moto.endpoint().toString());

    String out = probe(home, env);

    assertTrue(out.startsWith("known=false uses=[web] deploying=true reason="), out);
    assertTrue(out.contains("service worker"), out);
  }

  private static Verdict verdict(Plan plan, Address address) {
    List<Verdict> v =
        plan.changes().stream()
            .filter(c -> c.address().equals(address))
            .findFirst()
            .orElseThrow()
            .verdicts();
    assertEquals(1, v.size(), v::toString);
    return v.get(0);
  }

  /** Runs {@link EcsEndpointProbe} in a child JVM with exactly this environment. */
  private static String probe(Path home, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EcsEndpointProbe.class.getName(),
                EcsSeed.ROLE_ARN)
            .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().put("HOME", home.toString());
    pb.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
    pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }
}

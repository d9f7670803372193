package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.InterlockStacks.Change;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsWorld;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT). What the ECS safety scan
 * costs: {@code plan --stats} of the guide's role delete (IAM and EC2 DescribeRegions on moto, ECS
 * on the loopback {@link EcsApiServer}) with {@code bench.clusters} clusters (default 10) of
 * {@code bench.services} services (default 20) in us-east-1, every tenth service naming the role
 * (one of them deploying), two small clusters in eu-west-1, and every other region moto lists
 * empty; then a tag-only change (no ECS call). Run with
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=EcsScanBenchmark
 * </pre>
 *
 * and find the figures in {@code cli/target/benchmarks/ecs-scan.txt}.
 */
@org.junit.jupiter.api.Tag("e2e")
@org.junit.jupiter.api.Tag("benchmark")
@ExtendWith(MotoServer.class)
class EcsScanBenchmark {
  static final int CLUSTERS = Integer.getInteger("bench.clusters", 10);
  static final int SERVICES = Integer.getInteger("bench.services", 20);

  @TempDir Path dir;

  @Test
  void planWithTheEcsScan(Moto moto) throws Exception {
    try (EcsApiServer server = new EcsApiServer(MotoInstall.venv())) {
      EcsApiFixture fx = new EcsApiFixture(moto, server);
      fx.seedRole();
      for (int c = 0; c < CLUSTERS; c++) {
        for (int s = 0; s < SERVICES; s++) {
          ObjectNode svc = server.world.service("us-east-1", "c" + c, "s" + s);
          EcsWorld.serviceDeploymentsEntry(svc, "ecs-svc/1", "PRIMARY", "COMPLETED");
          if (s % 10 == 0) {
            EcsWorld.loadBalancer(svc, EcsApiFixture.ROLE_ARN);
            fx.deployment("us-east-1", svc, c == 0 && s == 0 ? "IN_PROGRESS" : "SUCCESSFUL", "BAKE_TIME");
          }
        }
      }
      for (int c = 0; c < 2; c++) {
        for (int s = 0; s < 5; s++) {
          server.world.service("eu-west-1", "eu" + c, "s" + s).put("launchType", "FARGATE");
        }
      }
      List<String> lines = new ArrayList<>();
      lines.add("clusters=" + CLUSTERS + " services/cluster=" + SERVICES + " (us-east-1), 10 services in eu-west-1");
      String delete = InterlockStacks.changed(dir, Change.DELETE).toString();
      for (int run = 1; run <= 3; run++) {
        long t = System.nanoTime();
        TestCli.Run plan = fx.rolectl("plan", delete, "--stats");
        double s = (System.nanoTime() - t) / 1e9;
        assertEquals(3, plan.exit(), plan::toString);
        lines.add(String.format("delete plan %d: %.2f s wall%n%s", run, s, plan.err()));
      }
      TestCli.Run tag = fx.rolectl("plan", InterlockStacks.changed(dir, Change.TAG).toString(), "--stats");
      lines.add("tag-only plan:\n" + tag.err());
      lines.add("distinct regions read: " + server.calls("ListClusters").stream().map(EcsApiServer.Call::region).distinct().count());
      Path out = Path.of("target", "benchmarks", "ecs-scan.txt");
      Files.createDirectories(out.getParent());
      Files.writeString(out, String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
      System.out.println(String.join("\n", lines));
    }
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT). Creates {@code bench.roles}
 * roles (default 200) with 2 AWS managed policies attached and 1 inline policy each on moto, with
 * apply parallelism 1, 4, 8 and 16 ({@code bench.parallelism}), {@code bench.runs} times each
 * (default 2), from a reset server whose managed-policy catalogue is warmed first; measures the
 * apply alone (planned beforehand). Run it with
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ApplyBenchmark [-Dbench.roles=200]
 * </pre>
 *
 * and find the figures in {@code cli/target/benchmarks/apply.txt}.
 */
@Tag("e2e")
@Tag("benchmark")
@ExtendWith(MotoServer.class)
class ApplyBenchmark {
  static final int ROLES = Integer.getInteger("bench.roles", 200);
  static final int RUNS = Integer.getInteger("bench.runs", 2);
  static final List<Integer> PARALLELISM =
      java.util.Arrays.stream(System.getProperty("bench.parallelism", "1,4,8,16").split(","))
          .map(String::trim)
          .map(Integer::valueOf)
          .toList();

  @Test
  void createRoles(Moto moto, @TempDir Path dir) throws Exception {
    Path stackFile = StackFiles.roles(dir, "bench", "bench", ROLES);
    StringBuilder report = new StringBuilder();
    report.append("date=").append(Instant.now()).append(" nproc=").append(Runtime.getRuntime().availableProcessors());
    report.append(" load=").append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
    report.append("roles=").append(ROLES).append(" (2 managed attachments + 1 inline each)\n");
    for (int p : PARALLELISM) {
      for (int run = 1; run <= RUNS; run++) {
        moto.reset();
        try (Target target = Targets.open("aws", moto.targetOptions())) {
          target.iam().read(ReadRequest.rolesAndPolicies()); // warm: moto loads its catalogue
          Stack stack = ApplyDriver.load(stackFile, target, Map.of());
          Plan plan = ApplyDriver.plan(target, stack);
          assertEquals(ROLES * 4, plan.effectiveChanges().size());
          ApiStats before = target.stats();
          long start = System.nanoTime();
          ApplyResult result = ApplyDriver.apply(target, plan, p, e -> {});
          Duration wall = Duration.ofNanos(System.nanoTime() - start);
          ApiStats after = target.stats();
          assertTrue(result.succeeded(), () -> result.outcomes().toString());
          long calls = after.totalCalls() - before.totalCalls();
          long attempts = after.attempts() - before.attempts();
          report.append(String.format(
              "parallelism=%2d run=%d wall=%6dms calls=%d (%.2f/role) attempts=%d rolesPerSecond=%.1f%n",
              p, run, wall.toMillis(), calls, calls / (double) ROLES, attempts,
              ROLES / (wall.toMillis() / 1000.0)));
          System.err.print(report.substring(report.lastIndexOf("parallelism=")));
        }
      }
    }
    Path out = Path.of("target", "benchmarks", "apply.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Not part of the regular suite. What {@code apply PLANFILE} costs now that it plans the file's
 * stack again, next to {@code plan} and {@code apply STACK}, each with {@code --stats} through the
 * CLI (in-process) on moto from a freshly seeded account, {@code bench.runs} times (default 3):
 *
 * <ul>
 *   <li>{@code scenario}: {@link SavedPlanScenario}, 8 changes, none that ECS could be disrupted
 *       by (the ECS deployment of service web is under way, {@code MOTO_ECS_SERVICE_RUNNING=0});
 *   <li>{@code teardown}: the AWS guide's role (no ECS service) removed from its stack: a role
 *       delete and a detach, each re-checked against ECS in every region moto lists (38).
 * </ul>
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=SavedApplyBenchmark
 * </pre>
 *
 * Figures land in {@code cli/target/benchmarks/saved-apply.txt}.
 */
@Tag("e2e")
@Tag("benchmark")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0"})
class SavedApplyBenchmark {
  static final int RUNS = Integer.getInteger("bench.runs", 3);
  private static final Pattern LINE = Pattern.compile("^  (\\S+)\\s+(\\d+)$", Pattern.MULTILINE);
  private static final Pattern TOTAL = Pattern.compile("API calls: (\\d+)");

  @Test
  void applyOfASavedPlanCostsAPlanAndTheWrites(Moto moto, @TempDir Path dir) throws Exception {
    StringBuilder report = new StringBuilder("date=" + Instant.now() + " nproc="
        + Runtime.getRuntime().availableProcessors() + " load="
        + Files.readString(Path.of("/proc/loadavg")).trim() + "\n");
    measure(moto, dir, "scenario", SavedPlanScenario::seed, SavedPlanScenario.stack(dir), report);
    Path teardown = StackFiles.write(dir.resolve("teardown.yaml"),
        "apiVersion: rolectl/v1\nstack: " + EcsSeed.STACK + "\n");
    measure(moto, dir, "teardown", SavedApplyBenchmark::guideRole, teardown, report);
    Path out = Path.of("target", "benchmarks", "saved-apply.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
    System.err.print(report);
  }

  private static void guideRole(Moto moto) {
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName(EcsSeed.ROLE).assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST)
          .tags(t -> t.key("rolectl:stack").value(EcsSeed.STACK)));
      iam.attachRolePolicy(r -> r.roleName(EcsSeed.ROLE).policyArn(AwsAdapterE2E.GUIDE_POLICY));
    }
  }

  private static void measure(Moto moto, Path dir, String name, Consumer<Moto> seed, Path stack,
      StringBuilder report) throws Exception {
    for (int run = 1; run <= RUNS; run++) {
      Path saved = dir.resolve(name + ".plan.json");
      fresh(moto, seed);
      report.append(timed(name, run, "plan --out", moto, "plan", stack.toString(), "--out",
          saved.toString(), "--stats"));
      report.append(timed(name, run, "apply PLANFILE", moto, "apply", saved.toString(), "--stats"));
      fresh(moto, seed);
      report.append(timed(name, run, "apply STACK", moto, "apply", stack.toString(),
          "--auto-approve", "--stats"));
    }
  }

  private static String timed(String scenario, int run, String what, Moto moto, String... args) {
    long start = System.nanoTime();
    TestCli.Run r = TestCli.run(moto.env(), args);
    long ms = (System.nanoTime() - start) / 1_000_000;
    return row(scenario, run, what + " " + ms + "ms", r);
  }

  /** Resets moto, seeds it and lets moto load its managed-policy catalogue before measuring. */
  private static void fresh(Moto moto, Consumer<Moto> seed) {
    moto.reset();
    seed.accept(moto);
    try (IamClient iam = moto.iam()) {
      iam.listPolicies(r -> r.scope("Local"));
    }
  }

  private static String row(String scenario, int run, String what, TestCli.Run r) {
    assertTrue(r.exit() == 0, () -> what + ": " + r);
    Matcher total = TOTAL.matcher(r.err());
    assertTrue(total.find(), r::toString);
    Map<String, Integer> ops = new TreeMap<>();
    Matcher m = LINE.matcher(r.err());
    while (m.find()) {
      ops.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    int writes = 0;
    for (Map.Entry<String, Integer> e : ops.entrySet()) {
      String op = e.getKey();
      boolean read = op.startsWith("Get") || op.startsWith("List") || op.startsWith("Describe");
      if (!read) {
        writes += e.getValue();
      }
    }
    int lock = ops.getOrDefault("CreatePolicy", 0) + ops.getOrDefault("DeletePolicy", 0)
        + ops.getOrDefault("TagPolicy", 0);
    assertEquals(Integer.parseInt(total.group(1)), ops.values().stream().mapToInt(i -> i).sum());
    return String.format("%-9s run=%d %-22s calls=%4s writes=%2d (of them the lock's %d) reads=%4d"
        + " %s%n", scenario, run, what, total.group(1), writes, lock,
        Integer.parseInt(total.group(1)) - writes, ops);
  }
}

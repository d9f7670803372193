package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT). What a small stack costs
 * to plan in an account full of customer managed policies that are not its own: moto seeded with
 * {@code bench.policies} (default 1,000) unrelated policies, one unmanaged role {@code app}, and
 * one policy {@code old} tagged as stack {@code one}'s. Measured with the real CLI (a child
 * process), three times each:
 *
 * <ul>
 *   <li>{@code plan --stats} of stack {@code one}: one role to create, policy {@code old} kept;
 *   <li>the same stack without {@code old}: the plan deletes it, so users and groups are read too;
 *   <li>{@code import app}: its IAM calls counted by {@link IamRulesProxy}, through which it runs.
 * </ul>
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=ReadCostBenchmark [-Dbench.policies=1000]
 * </pre>
 *
 * Figures land in {@code cli/target/benchmarks/read-cost.txt}.
 */
@org.junit.jupiter.api.Tag("e2e")
@org.junit.jupiter.api.Tag("benchmark")
@ExtendWith(MotoServer.class)
class ReadCostBenchmark {
  static final int POLICIES = Integer.getInteger("bench.policies", 1000);
  static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::assets/*\"}]}";
  static final String ROLE =
      "  one:\n    trustPolicy: " + StackFiles.TRUST + "\n";

  @TempDir Path dir;

  @Test
  void smallStackInAnAccountOfManyPolicies(Moto moto) throws Exception {
    long seedStart = System.nanoTime();
    seed(moto);
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
    StackFiles.write(dir.resolve("keep.yaml"), "apiVersion: rolectl/v1\nstack: one\nroles:\n" + ROLE
        + "policies:\n  old:\n    document: " + POLICY + "\n");
    StackFiles.write(dir.resolve("delete.yaml"), "apiVersion: rolectl/v1\nstack: one\nroles:\n" + ROLE);

    StringBuilder report = new StringBuilder();
    report.append("date=").append(Instant.now()).append(" nproc=")
        .append(Runtime.getRuntime().availableProcessors()).append(" load=")
        .append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
    report.append("unrelated customer policies=").append(POLICIES).append(" seeding=").append(seedMs)
        .append("ms\n");
    for (String stack : List.of("keep.yaml", "delete.yaml")) {
      for (int run = 1; run <= 3; run++) {
        long start = System.nanoTime();
        CliRun r = RolectlProcess.run(dir, moto.env(), "plan", stack, "--target", "aws", "--stats");
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains(stack.equals("keep.yaml") ? "1 to create, 0 to update, 0 to replace, 0 to delete"
            : "1 to create, 0 to update, 0 to replace, 1 to delete"), r::toString);
        report.append("plan ").append(stack).append(' ').append(run).append(": wall=").append(wallMs)
            .append("ms\n").append(r.err());
      }
    }
    try (IamRulesProxy proxy = new IamRulesProxy(moto)) {
      for (int run = 1; run <= 3; run++) {
        proxy.clearCalls();
        long start = System.nanoTime();
        CliRun r = RolectlProcess.run(dir, proxy.env(), "import", "app", "--target", "aws");
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.exitCode(), r::toString);
        assertTrue(r.out().contains("adopt: true"), r::toString);
        report.append("import app ").append(run).append(": wall=").append(wallMs).append("ms IAM calls=")
            .append(proxy.calls().size()).append(' ')
            .append(proxy.calls().stream().map(c -> c.split(" ")[0]).toList()).append('\n');
      }
    }
    Path out = Path.of("target", "benchmarks", "read-cost.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static void seed(Moto moto) throws Exception {
    Tag owner = Tag.builder().key("rolectl:stack").value("one").build();
    Tag team = Tag.builder().key("team").value("someone-else").build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST));
      iam.createPolicy(r -> r.policyName("old").policyDocument(POLICY).tags(owner));
      List<Future<?>> done = new ArrayList<>();
      for (int p = 0; p < POLICIES; p++) {
        String name = String.format("unrelated-%04d", p);
        done.add(pool.submit(() -> iam.createPolicy(r -> r.policyName(name).policyDocument(POLICY).tags(team))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}

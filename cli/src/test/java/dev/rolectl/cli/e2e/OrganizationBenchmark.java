package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT). What many accounts cost on
 * moto, with the real CLI (a child process): an organisation of {@code bench.accounts} (default
 * 50) members, each with the guide's ECS stack applied ({@code examples/ecs-blue-green}); then
 * {@code plan --stats} (no changes) of the first 1, 10 and all accounts at {@code
 * --account-parallelism 8}, and of all at 1, three runs each; then one member filled to IAM's
 * quotas ({@code bench.roles}, default 5,000 roles, and {@code bench.policies}, default 1,500
 * customer managed policies) and planned alone, three runs. The 1/10/50 series runs twice: on
 * moto directly, and through {@link LatencyProxy} adding {@code bench.latency} ms (default 50) to
 * every call, as a network round trip to AWS would. {@code -Dbench.roles=0} skips the full
 * account.
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=OrganizationBenchmark [-Dbench.accounts=50 -Dbench.roles=5000 -Dbench.policies=1500]
 * </pre>
 *
 * Figures land in {@code cli/target/benchmarks/organization.txt}.
 */
@org.junit.jupiter.api.Tag("e2e")
@org.junit.jupiter.api.Tag("benchmark")
@ExtendWith(MotoServer.class)
class OrganizationBenchmark {
  static final int ACCOUNTS = Integer.getInteger("bench.accounts", 50);
  static final int ROLES = Integer.getInteger("bench.roles", 5000);
  static final int POLICIES = Integer.getInteger("bench.policies", 1500);
  static final int LATENCY_MS = Integer.getInteger("bench.latency", 50);
  static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::assets/*\"}]}";

  @TempDir Path dir;

  @Test
  void organisation(Moto moto) throws Exception {
    StringBuilder report = new StringBuilder();
    report.append("date=").append(Instant.now()).append(" nproc=")
        .append(Runtime.getRuntime().availableProcessors()).append(" load=")
        .append(Files.readString(Path.of("/proc/loadavg")).trim()).append('\n');
    long seed = System.nanoTime();
    List<MotoOrganization.Member> members = MotoOrganization.create(moto, "bench", ACCOUNTS);
    for (MotoOrganization.Member m : members) {
      try (IamClient iam = MotoOrganization.iamIn(moto, m.id())) {
        iam.createUser(r -> r.userName("deployer"));
      }
    }
    String stack = RepoFiles.root().resolve("examples/ecs-blue-green/stack.yaml").toString();
    Path all = accounts(members, ACCOUNTS);
    CliRun applied = RolectlProcess.run(dir, moto.env(), "apply", stack, "--accounts-file",
        all.toString(), "--assume-role", MotoOrganization.ACCESS_ROLE, "--auto-approve");
    assertEquals(0, applied.exitCode(), applied::toString);
    report.append("accounts=").append(ACCOUNTS).append(" seeding and first apply=")
        .append((System.nanoTime() - seed) / 1_000_000).append("ms\n");

    series(members, stack, moto.env(), "", report);
    try (LatencyProxy slow = new LatencyProxy(moto, LATENCY_MS)) {
      series(members, stack, slow.env(), " latency=" + LATENCY_MS + "ms", report);
    }
    if (ROLES > 0) {
      full(moto, members.get(0), stack, report);
    }
    Path out = Path.of("target", "benchmarks", "organization.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  /** No-change plans of 1, 10 and all accounts at parallelism 8, and of all at 1. */
  private void series(List<MotoOrganization.Member> members, String stack,
      java.util.Map<String, String> env, String label, StringBuilder report) throws Exception {
    for (int[] run : new int[][] {{1, 8}, {10, 8}, {ACCOUNTS, 8}, {ACCOUNTS, 1}}) {
      Path file = accounts(members, run[0]);
      for (int i = 1; i <= 3; i++) {
        long start = System.nanoTime();
        CliRun r = RolectlProcess.run(dir, env, "plan", stack, "--accounts-file",
            file.toString(), "--assume-role", MotoOrganization.ACCESS_ROLE, "--stats",
            "--account-parallelism", String.valueOf(run[1]), "--detailed-exitcode");
        long wallMs = (System.nanoTime() - start) / 1_000_000;
        assertEquals(0, r.exitCode(), r::toString);
        report.append("plan").append(label).append(" accounts=").append(run[0]).append(" parallelism=").append(run[1])
            .append(" run ").append(i).append(": wall=").append(wallMs).append("ms ")
            .append(lastLine(r.err())).append('\n');
        if (i == 1 && run[0] == 1) {
          report.append(r.err());
        }
      }
    }
  }

  /** One member filled to IAM's quotas, planned alone. */
  private void full(Moto moto, MotoOrganization.Member full, String stack, StringBuilder report)
      throws Exception {
    long fill = System.nanoTime();
    fill(moto, full.id());
    report.append("account ").append(full.id()).append(" filled with ").append(ROLES)
        .append(" roles and ").append(POLICIES).append(" customer policies in ")
        .append((System.nanoTime() - fill) / 1_000_000).append("ms\n");
    for (int i = 1; i <= 3; i++) {
      long start = System.nanoTime();
      CliRun r = RolectlProcess.run(dir, moto.env(), "plan", stack, "--accounts", full.id(),
          "--assume-role", MotoOrganization.ACCESS_ROLE, "--stats", "--detailed-exitcode");
      long wallMs = (System.nanoTime() - start) / 1_000_000;
      assertEquals(0, r.exitCode(), r::toString);
      report.append("plan of the full account run ").append(i).append(": wall=").append(wallMs)
          .append("ms\n").append(r.err());
    }
  }

  private Path accounts(List<MotoOrganization.Member> members, int n) throws Exception {
    return Files.writeString(dir.resolve("accounts-" + n + ".txt"), members.subList(0, n).stream()
        .map(m -> m.id() + " " + m.name()).collect(Collectors.joining("\n")) + "\n");
  }

  private static String lastLine(String text) {
    String[] lines = text.strip().split("\n");
    return lines[lines.length - 1];
  }

  /** Roles and customer policies that are not the stack's, eight creates at a time. */
  private static void fill(Moto moto, String account) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (IamClient iam = MotoOrganization.iamIn(moto, account)) {
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < ROLES - 2; i++) { // the stack's role and the access role count too
        String name = String.format("app-role-%04d", i);
        done.add(pool.submit(() -> iam.createRole(r -> r.roleName(name)
            .assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST))));
      }
      for (int i = 0; i < POLICIES - 1; i++) { // the stack's policy counts too
        String name = String.format("app-policy-%04d", i);
        done.add(pool.submit(() -> iam.createPolicy(r -> r.policyName(name).policyDocument(POLICY))));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }
}

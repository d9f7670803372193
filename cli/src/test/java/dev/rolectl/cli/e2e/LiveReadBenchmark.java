package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.live.local.SnapshotWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT). Seeds {@code bench.roles}
 * roles (default 1000) with 3 managed attachments (2 of {@code bench.policies} customer managed
 * policies, default 20, and 1 AWS managed) and 1 inline policy each into moto, then times full
 * reads through the {@code aws} adapter and counts the calls. Run it with
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=LiveReadBenchmark [-Dbench.roles=1000]
 * </pre>
 *
 * and find the figures in {@code cli/target/benchmarks/live-read.txt}.
 */
@Tag("e2e")
@Tag("benchmark")
@ExtendWith(MotoServer.class)
class LiveReadBenchmark {
  static final int ROLES = Integer.getInteger("bench.roles", 1000);
  static final int POLICIES = Integer.getInteger("bench.policies", 20);
  static final int SEED_THREADS = 8;

  @Test
  void fullRead(Moto moto) throws Exception {
    long seedStart = System.nanoTime();
    seed(moto);
    Duration seeding = Duration.ofNanos(System.nanoTime() - seedStart);

    StringBuilder report = new StringBuilder();
    report.append("roles=").append(ROLES).append(" customerPolicies=").append(POLICIES);
    report.append(" seeding=").append(seeding.toMillis()).append("ms\n");
    LiveAccount account = null;
    for (int run = 1; run <= 3; run++) {
      long start = System.nanoTime();
      try (Target target = Targets.open("aws", moto.targetOptions())) {
        account = target.iam().read(ReadRequest.rolesAndPolicies());
        Duration wall = Duration.ofNanos(System.nanoTime() - start);
        ApiStats stats = target.stats();
        report.append("aws read ").append(run).append(": wall=").append(wall.toMillis()).append("ms");
        report.append(" waitedOnAws=").append(stats.waited().toMillis()).append("ms");
        report.append(" calls=").append(stats.totalCalls()).append(" attempts=").append(stats.attempts());
        report.append(" ").append(stats.callsByOperation()).append('\n');
      }
      assertEquals(ROLES, account.roles().size());
      assertEquals(POLICIES, account.policies().size());
    }
    Path file = Path.of("target", "benchmarks", "account-" + ROLES + ".json");
    long w = System.nanoTime();
    SnapshotWriter.write(account, file);
    report.append("snapshot write: ").append((System.nanoTime() - w) / 1_000_000).append("ms, ");
    report.append(Files.size(file) / 1024).append(" KiB\n");
    for (int run = 1; run <= 3; run++) {
      long start = System.nanoTime();
      try (Target target = Targets.open("snapshot:" + file, null)) {
        assertEquals(account, target.iam().read(ReadRequest.rolesAndPolicies()));
      }
      report.append("snapshot read ").append(run).append(": ");
      report.append((System.nanoTime() - start) / 1_000_000).append("ms\n");
    }
    Files.createDirectories(file.getParent());
    Files.writeString(file.resolveSibling("live-read.txt"), report);
    System.out.print(report);
  }

  private static void seed(Moto moto) throws Exception {
    String account = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/";
    ExecutorService pool = Executors.newFixedThreadPool(SEED_THREADS);
    try (IamClient iam = moto.iam()) {
      for (int p = 0; p < POLICIES; p++) {
        String name = "bench-policy-" + p;
        iam.createPolicy(r -> r.policyName(name).policyDocument(SeedAccount.PASS_V2));
      }
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < ROLES; i++) {
        int n = i;
        done.add(
            pool.submit(
                () -> {
                  String role = String.format("bench-role-%04d", n);
                  iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST));
                  iam.attachRolePolicy(r -> r.roleName(role).policyArn(account + "bench-policy-" + (n % POLICIES)));
                  iam.attachRolePolicy(
                      r -> r.roleName(role).policyArn(account + "bench-policy-" + ((n + 7) % POLICIES)));
                  iam.attachRolePolicy(r -> r.roleName(role).policyArn(AwsAdapterE2E.GUIDE_POLICY));
                  iam.putRolePolicy(
                      r -> r.roleName(role).policyName("inline").policyDocument(SeedAccount.INLINE));
                  return null;
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
  }

}

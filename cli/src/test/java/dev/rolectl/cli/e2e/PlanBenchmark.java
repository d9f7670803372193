package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT). A stack of {@code
 * bench.roles} roles (default 1000), each with 3 managed attachments (2 of 20 customer managed
 * policies of the stack, 1 AWS managed) and 1 inline policy, planned with the real CLI ({@code
 * plan --stats}) against moto holding the same roles (tagged as the stack's). Run it with
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=PlanBenchmark [-Dbench.roles=1000]
 * </pre>
 *
 * and find the figures in {@code cli/target/benchmarks/plan.txt}.
 */
@org.junit.jupiter.api.Tag("e2e")
@org.junit.jupiter.api.Tag("benchmark")
@ExtendWith(MotoServer.class)
class PlanBenchmark {
  static final int ROLES = Integer.getInteger("bench.roles", 1000);
  static final int POLICIES = 20;
  static final String STACK = "bench";
  static final String INLINE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
          + "\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}]}";
  static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::assets/*\"}]}";

  @TempDir Path dir;

  @Test
  void planOfAThousandRoles(Moto moto) throws Exception {
    long seedStart = System.nanoTime();
    seed(moto);
    long seedMs = (System.nanoTime() - seedStart) / 1_000_000;
    Path stack = dir.resolve("stack.yaml");
    Files.writeString(stack, stackYaml(), StandardCharsets.UTF_8);

    StringBuilder report = new StringBuilder();
    report.append("roles=").append(ROLES).append(" seeding=").append(seedMs).append("ms\n");
    for (int run = 1; run <= 3; run++) {
      long start = System.nanoTime();
      CliRun r = RolectlProcess.run(dir, moto.env(), "plan", "stack.yaml", "--target", "aws", "--stats");
      long wallMs = (System.nanoTime() - start) / 1_000_000;
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.out().contains("No changes."), r::toString);
      report.append("plan ").append(run).append(": wall=").append(wallMs).append("ms\n").append(r.err());
    }
    Path out = Path.of("target", "benchmarks", "plan.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
  }

  private static String stackYaml() {
    StringBuilder y = new StringBuilder("apiVersion: rolectl/v1\nstack: " + STACK + "\nroles:\n");
    for (int i = 0; i < ROLES; i++) {
      y.append("  ").append(role(i)).append(":\n    ecsInfrastructure: loadBalancers\n")
          .append("    trustPolicy: {Version: \"2012-10-17\", Statement: [{Sid: AllowAccessToECSForInfrastructureManagement,")
          .append(" Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}]}\n")
          .append("    managedPolicies:\n")
          .append("      - ${policies.").append(policy(i % POLICIES)).append(".arn}\n")
          .append("      - ${policies.").append(policy((i + 7) % POLICIES)).append(".arn}\n")
          .append("      - ").append(AwsAdapterE2E.GUIDE_POLICY).append('\n')
          .append("    inlinePolicies:\n      inline: ").append(INLINE).append('\n');
    }
    y.append("policies:\n");
    for (int p = 0; p < POLICIES; p++) {
      y.append("  ").append(policy(p)).append(":\n    document: ").append(POLICY).append('\n');
    }
    return y.toString();
  }

  private static String role(int i) {
    return String.format("bench-role-%04d", i);
  }

  private static String policy(int p) {
    return "bench-policy-" + p;
  }

  private static void seed(Moto moto) throws Exception {
    String prefix = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/";
    software.amazon.awssdk.services.iam.model.Tag owner =
        software.amazon.awssdk.services.iam.model.Tag.builder().key("rolectl:stack").value(STACK).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try (IamClient iam = moto.iam()) {
      for (int p = 0; p < POLICIES; p++) {
        String name = policy(p);
        iam.createPolicy(r -> r.policyName(name).policyDocument(POLICY).tags(owner));
      }
      List<Future<?>> done = new ArrayList<>();
      for (int i = 0; i < ROLES; i++) {
        int n = i;
        done.add(
            pool.submit(
                () -> {
                  String role = role(n);
                  iam.createRole(r -> r.roleName(role).assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST).tags(owner));
                  iam.attachRolePolicy(r -> r.roleName(role).policyArn(prefix + policy(n % POLICIES)));
                  iam.attachRolePolicy(r -> r.roleName(role).policyArn(prefix + policy((n + 7) % POLICIES)));
                  iam.attachRolePolicy(r -> r.roleName(role).policyArn(AwsAdapterE2E.GUIDE_POLICY));
                  iam.putRolePolicy(r -> r.roleName(role).policyName("inline").policyDocument(INLINE));
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

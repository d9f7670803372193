package dev.rolectl.engine.bench;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.PolicyParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The benchmark's stack and accounts, in memory. The stack has R roles (the guide's ECS
 * infrastructure role shape: ECS trust, {@code ecsInfrastructure: loadBalancers}), each with 3
 * managed attachments (2 of 20 customer managed policies of the stack, 1 AWS managed) and 1 inline
 * policy, like the end-to-end {@code PlanBenchmark}: 5 R + 20 resources. Live accounts are built
 * from the loaded stack, as IAM would return them after an apply.
 */
final class BenchAccount {
  static final String ACCOUNT = "123456789012";
  static final String STACK = "bench";
  static final int POLICIES = 20;
  static final String AWS_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
  static final String INLINE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
          + "\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:jobs\"}]}";
  static final String DRIFTED_INLINE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"sqs:SendMessage\","
          + "\"sqs:DeleteMessage\"],\"Resource\":\"arn:aws:sqs:us-east-1:123456789012:*\"}]}";
  static final String POLICY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::assets/*\"}]}";
  static final String TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AllowAccessToECSForInfrastructureManagement\","
          + "\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ecs.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private BenchAccount() {}

  /** Roles per file: a stack file may hold at most 3 MB (1,000 of these roles: about 0.6 MB). */
  static final int ROLES_PER_FILE = 1000;

  /**
   * The stack as files of a directory: {@code roles-NN.yaml} with up to {@link #ROLES_PER_FILE}
   * roles each, and {@code policies.yaml}.
   */
  static void writeStack(Path dir, int roles) throws IOException {
    String header = "apiVersion: rolectl/v1\nstack: " + STACK + "\n";
    for (int start = 0; start < roles; start += ROLES_PER_FILE) {
      StringBuilder y = new StringBuilder(header).append("roles:\n");
      for (int i = start; i < Math.min(roles, start + ROLES_PER_FILE); i++) {
        y.append("  ").append(role(i)).append(":\n    ecsInfrastructure: loadBalancers\n")
            .append("    trustPolicy: ").append(TRUST).append('\n')
            .append("    managedPolicies:\n")
            .append("      - ${policies.").append(policy(i % POLICIES)).append(".arn}\n")
            .append("      - ${policies.").append(policy((i + 7) % POLICIES)).append(".arn}\n")
            .append("      - ").append(AWS_POLICY).append('\n')
            .append("    inlinePolicies:\n      inline: ").append(INLINE).append('\n');
      }
      Files.writeString(dir.resolve(String.format("roles-%02d.yaml", start / ROLES_PER_FILE)), y,
          StandardCharsets.UTF_8);
    }
    StringBuilder y = new StringBuilder(header).append("policies:\n");
    for (int p = 0; p < POLICIES; p++) {
      y.append("  ").append(policy(p)).append(":\n    document: ").append(POLICY).append('\n');
    }
    Files.writeString(dir.resolve("policies.yaml"), y, StandardCharsets.UTF_8);
  }

  static String role(int i) {
    return String.format("bench-role-%05d", i);
  }

  static String policy(int p) {
    return "bench-policy-" + p;
  }

  /** The stack as IAM holds it after an apply: the plan against it is empty. */
  static LiveAccount inSync(Stack stack) {
    return live(stack, 0, 0, 0);
  }

  /**
   * Every {@code driftEvery}-th role with another inline policy (an update), every {@code
   * missingEvery}-th role absent (a create of the role and its 4 children), and {@code extra}
   * roles of the stack that it no longer declares, ECS-assumable (deletes: the ECS rules look
   * at each).
   */
  static LiveAccount live(Stack stack, int driftEvery, int missingEvery, int extra) {
    PolicyDocument trust = doc(TRUST);
    Map<String, LiveRole> roles = new LinkedHashMap<>();
    Map<String, List<String>> attachments = new HashMap<>();
    Map<String, Map<String, PolicyDocument>> inline = new HashMap<>();
    stack.resources(RolePolicyAttachment.class).forEach(
        a -> attachments.computeIfAbsent(a.roleName(), k -> new ArrayList<>()).add(a.policyArn()));
    stack.resources(InlinePolicy.class).forEach(
        p -> inline.computeIfAbsent(p.roleName(), k -> new TreeMap<>()).put(p.policyName(), p.document()));
    Map<String, String> owned = Map.of(Stack.OWNER_TAG, STACK);
    PolicyDocument drifted = doc(DRIFTED_INLINE);
    int i = 0;
    for (Role r : stack.resources(Role.class).toList()) {
      i++;
      if (missingEvery > 0 && i % missingEvery == 0) {
        continue;
      }
      Map<String, PolicyDocument> own = inline.getOrDefault(r.name(), Map.of());
      if (driftEvery > 0 && i % driftEvery == 0) {
        own = new TreeMap<>(own);
        own.replaceAll((name, d) -> drifted);
      }
      roles.put(r.name(), new LiveRole(r.name(), r.path(), r.arn("aws", ACCOUNT), "AROA" + i,
          r.description(), r.maxSessionDuration(), r.trustPolicy(), r.permissionsBoundary(),
          tags(r.tags(), owned), attachments.getOrDefault(r.name(), List.of()), own, List.of(), null));
    }
    for (int e = 0; e < extra; e++) {
      String name = "bench-old-" + e;
      roles.put(name, new LiveRole(name, "/", arn(name), "AROAOLD" + e, null, 3600, trust, null, owned,
          List.of(AWS_POLICY), Map.of(), List.of(), null));
    }
    Map<String, LiveManagedPolicy> policies = new LinkedHashMap<>();
    for (ManagedPolicy p : stack.resources(ManagedPolicy.class).toList()) {
      String arn = "arn:aws:iam::" + ACCOUNT + ":policy" + p.path() + p.name();
      policies.put(p.name(), new LiveManagedPolicy(p.name(), p.path(), arn, p.description(),
          p.document(), "v1", List.of("v1"), tags(p.tags(), owned), Map.of()));
    }
    return new LiveAccount(ACCOUNT, "aws", roles, policies, List.of());
  }

  static String arn(String role) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + role;
  }

  private static Map<String, String> tags(Map<String, String> declared, Map<String, String> owned) {
    Map<String, String> out = new TreeMap<>(declared);
    out.putAll(owned);
    return out;
  }

  private static PolicyDocument doc(String json) {
    return PolicyParser.parseJson(json).document().orElseThrow();
  }

  /**
   * ECS in memory (the engine's own port): each of the first {@code services} extra roles is used
   * by one load-balanced service, the first of them with a deployment in progress.
   */
  static EcsDeployments ecs(int services) {
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    for (int s = 0; s < services; s++) {
      List<ActiveDeployment> active = s == 0
          ? List.of(new ActiveDeployment("ecs-svc/" + s, "IN_PROGRESS", null, "TEST_TRAFFIC_SHIFT",
              Instant.parse("2026-11-30T10:00:00Z")))
          : List.of();
      uses.put(arn("bench-old-" + s), List.of(new ServiceUse("us-east-1", "prod", ServiceUse.SERVICE,
          "svc-" + s, Set.of(EcsRoleField.LOAD_BALANCER), active, "in memory")));
    }
    return new EcsDeployments() {
      @Override
      public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
        Map<String, List<ServiceUse>> asked = new LinkedHashMap<>();
        roleArns.forEach(a -> asked.put(a, uses.getOrDefault(a, List.of())));
        return new EcsScan(List.of("us-east-1"), List.of("prod"), asked,
            java.util.Optional.empty(), java.util.Optional.empty());
      }

      @Override
      public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
        return scan(roleArns, regions);
      }

      @Override
      public EcsScan inventory(Collection<String> regions) {
        return scan(uses.keySet(), regions);
      }
    };
  }
}

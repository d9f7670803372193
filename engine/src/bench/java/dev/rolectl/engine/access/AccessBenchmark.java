package dev.rolectl.engine.access;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Access analysis on an account at IAM's quota ceiling: 5,000 roles and 1,500 customer managed
 * policies (docs/benchmarks.md), with 200 users in 20 groups. Every role has ECS tasks' trust
 * (every 20th the account's), two of the customer policies, an AWS managed policy
 * (AmazonECSInfrastructureRolePolicyForLoadBalancers, every 100th ReadOnlyAccess) and an inline
 * policy; every 10th customer policy lets pass {@code role/app-*} to ECS, every 50th allows
 * sts:AssumeRole on {@code *}. Scenarios (the plan's changes):
 *
 * <ul>
 *   <li>{@code guide}: the guide's stack, first apply (a role, its managed policy, the pass
 *       policy, its attachment to deployer);
 *   <li>{@code policyEdit}: a customer policy attached to 7 roles and 20 users gets iam:PassRole
 *       on {@code *};
 *   <li>{@code trustWiden}: a role's trust changes from ECS tasks to the account.
 * </ul>
 *
 * Run: {@code mvn -B -P bench -pl engine verify -DskipTests -Djmh.args="AccessBenchmark -prof gc"}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgsAppend = {"-Xmx2g"})
public class AccessBenchmark {
  static final String ACCOUNT = "123456789012";
  static final Location AT = new Location("stack.yaml", 1, 1);
  static final String TASKS_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"Service\":\"ecs-tasks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String ACCOUNT_TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Principal\":{\"AWS\":\"arn:aws:iam::" + ACCOUNT + ":root\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String ECS_TRUST = TASKS_TRUST.replace("ecs-tasks", "ecs");
  static final String LB = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";

  @Param({"guide", "policyEdit", "trustWiden"})
  public String scenario;

  private LiveAccount live;
  private List<AccessChange> changes;

  static PolicyDocument doc(String json) {
    return PolicyParser.parseJson(json).document().orElseThrow();
  }

  static String arn(String kind, String name) {
    return "arn:aws:iam::" + ACCOUNT + ":" + kind + "/" + name;
  }

  static String policyJson(int p) {
    String s = "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:PutObject\"],\"Resource\":"
        + "\"arn:aws:s3:::bucket-" + p + "/*\"},{\"Effect\":\"Allow\",\"Action\":\"sqs:SendMessage\","
        + "\"Resource\":\"arn:aws:sqs:us-east-1:" + ACCOUNT + ":queue-" + p + "\"}";
    if (p % 10 == 0) {
      s += ",{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"" + arn("role", "app-*")
          + "\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ecs-tasks.amazonaws.com\"}}}";
    }
    if (p % 50 == 0) {
      s += ",{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}";
    }
    return "{\"Version\":\"2012-10-17\",\"Statement\":[" + s + "]}";
  }

  /** The quota-ceiling account (the guide's role not yet there). */
  static LiveAccount account() {
    Map<String, LiveManagedPolicy> policies = new LinkedHashMap<>();
    for (int p = 0; p < 1500; p++) {
      String name = "policy-" + p;
      policies.put(name, new LiveManagedPolicy(name, "/", arn("policy", name), null,
          doc(policyJson(p)), "v1", List.of("v1"), Map.of(), Map.of()));
    }
    PolicyDocument tasks = doc(TASKS_TRUST);
    PolicyDocument account = doc(ACCOUNT_TRUST);
    PolicyDocument inline = doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
        + "\"Action\":\"logs:PutLogEvents\",\"Resource\":\"*\"}]}");
    Map<String, LiveRole> roles = new LinkedHashMap<>();
    for (int r = 0; r < 5000; r++) {
      String name = "app-" + r;
      roles.put(name, new LiveRole(name, "/", arn("role", name), "AROA" + r, null, 3600,
          r % 20 == 0 ? account : tasks, null, Map.of("team", "t" + (r % 30)),
          List.of(arn("policy", "policy-" + (r % 1500)), arn("policy", "policy-" + ((r * 7) % 1500)),
              r % 100 == 0 ? READ_ONLY : LB),
          Map.of("logs", inline), List.of(), null));
    }
    List<LivePrincipal> principals = new ArrayList<>();
    for (int g = 0; g < 20; g++) {
      principals.add(new LivePrincipal(PrincipalType.GROUP, "group-" + g,
          List.of(arn("policy", "policy-" + (g * 3))), null, "/", List.of(), Map.of(), Map.of(),
          Map.of()));
    }
    for (int u = 0; u < 200; u++) {
      String name = u == 0 ? "deployer" : "user-" + u;
      principals.add(new LivePrincipal(PrincipalType.USER, name,
          List.of(arn("policy", "policy-" + (u % 1500)), arn("policy", "policy-" + (1499 - u % 100))),
          null, "/", List.of("group-" + (u % 20)), Map.of(), Map.of(), Map.of()));
    }
    return new LiveAccount(ACCOUNT, "aws", roles, policies, principals);
  }

  static List<AccessChange> guide() {
    String name = "ecsInfrastructureRoleForLoadBalancers";
    Role role = new Role(Address.role(name), AT, name, "/", null, 3600, doc(ECS_TRUST), null, Map.of(),
        null, true, false, Set.of());
    ManagedPolicy pass = new ManagedPolicy(Address.policy("passEcsInfrastructureRole"), AT,
        "passEcsInfrastructureRole", "/", null, doc("{\"Version\":\"2012-10-17\",\"Statement\":[{"
            + "\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"" + arn("role", name)
            + "\",\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ecs.amazonaws.com\"}}}]}"),
        Map.of(), false, Set.of());
    RolePolicyAttachment lb = new RolePolicyAttachment(Address.attachment(name, LB), AT, name, LB,
        Set.of());
    PrincipalPolicyAttachment deployer = new PrincipalPolicyAttachment(
        Address.principalAttachment(pass.name(), PrincipalType.USER, "deployer"), AT,
        PrincipalType.USER, "deployer", pass.name(), arn("policy", pass.name()), Set.of());
    return List.of(create(role), create(lb), create(pass), create(deployer));
  }

  static AccessChange create(dev.rolectl.engine.model.Resource r) {
    return new AccessChange(r.address().value(), null, r);
  }

  @Setup(Level.Trial)
  public void setUp() {
    live = account();
    switch (scenario) {
      case "guide" -> changes = guide();
      case "policyEdit" -> {
        PolicyDocument before = doc(policyJson(7));
        PolicyDocument after = doc(policyJson(7).replace("]}", ",{\"Effect\":\"Allow\",\"Action\":"
            + "\"iam:PassRole\",\"Resource\":\"*\"}]}"));
        changes = List.of(new AccessChange("policies.policy-7",
            new ManagedPolicy(Address.policy("policy-7"), AT, "policy-7", "/", null, before, Map.of(),
                false, Set.of()),
            new ManagedPolicy(Address.policy("policy-7"), AT, "policy-7", "/", null, after, Map.of(),
                false, Set.of())));
      }
      default -> changes = List.of(new AccessChange("roles.app-1",
          new Role(Address.role("app-1"), AT, "app-1", "/", null, 3600, doc(TASKS_TRUST), null,
              Map.of("team", "t1"), null, false, false, Set.of()),
          new Role(Address.role("app-1"), AT, "app-1", "/", null, 3600, doc(ACCOUNT_TRUST), null,
              Map.of("team", "t1"), null, false, false, Set.of())));
    }
  }

  /** Warm: the analysis alone, the JVM warmed up. */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 3, time = 2)
  @Measurement(iterations = 5, time = 2)
  public AccessReport warm() {
    return AccessAnalysis.of(live, changes);
  }

  /** Cold: the first analysis in a fresh JVM, as one plan makes it (classes, catalogues loaded). */
  @Benchmark
  @BenchmarkMode(Mode.SingleShotTime)
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 0)
  @Measurement(iterations = 1)
  @Fork(value = 5, jvmArgsAppend = {"-Xmx2g"})
  public AccessReport cold() {
    return AccessAnalysis.of(live, changes);
  }
}

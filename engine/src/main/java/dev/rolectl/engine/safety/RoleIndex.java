package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.TrustAnalysis;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The roles of a plan as the rules need them: current ARN and trust, declared {@code
 * ecsInfrastructure}, and which roles a customer managed policy is attached to. Roles come from the
 * plan's role changes (no-ops included), else from the live account (roles outside the stack that a
 * stack policy is attached to).
 */
final class RoleIndex {
  static final String ECS_SERVICE = "ecs.amazonaws.com";
  static final String ECS_TASKS_SERVICE = "ecs-tasks.amazonaws.com";

  private final Plan plan;
  private final Stack stack;
  private final LiveAccount live;
  private final String partition;
  /** The role changes by role name, ignoring case (IAM role names are unique ignoring case). */
  private final Map<String, ResourceChange> roleChanges =
      new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /**
   * @param live the live account the plan was made from, {@code null} when not at hand
   */
  RoleIndex(Plan plan, Stack stack, LiveAccount live) {
    this.plan = plan;
    this.stack = stack;
    this.live = live;
    this.partition = live != null ? live.partition() : stack.partition();
    for (ResourceChange c : plan.changes()) {
      String role = roleName(c);
      if (role != null && (c.before() != null || !roleChanges.containsKey(role))) {
        roleChanges.put(role, c); // the role as it exists now wins
      }
    }
  }

  /** The role name of a role change ({@code roles.NAME}), else {@code null}. */
  private static String roleName(ResourceChange c) {
    if (!(c.before() instanceof Role) && !(c.after() instanceof Role)) {
      return null;
    }
    return c.address().value().substring("roles.".length());
  }

  String partition() {
    return partition;
  }

  /**
   * The role as it is now, if it exists. {@code name} is matched ignoring case, as IAM matches
   * role names: {@code attachTo: {roles: [Infra]}} attaches to role {@code infra}.
   */
  Optional<RoleRef> role(String name) {
    ResourceChange c = roleChanges.get(name);
    Role before = c != null && c.before() instanceof Role r ? r : null;
    EcsInfrastructure declared = declared(name);
    List<String> profiles = liveRole(name).map(LiveRole::instanceProfiles).orElse(List.of());
    if (before != null) {
      return Optional.of(
          new RoleRef(
              name,
              liveArn(name).orElse(before.arn(partition, plan.accountId())),
              declared,
              TrustAnalysis.allowsAssume(before.trustPolicy(), ECS_SERVICE),
              TrustAnalysis.allowsAssume(before.trustPolicy(), ECS_TASKS_SERVICE),
              profiles));
    }
    return liveRole(name).map(
        r ->
            new RoleRef(
                name, r.arn(), declared, TrustAnalysis.allowsAssume(r.trustPolicy(), ECS_SERVICE),
                TrustAnalysis.allowsAssume(r.trustPolicy(), ECS_TASKS_SERVICE), profiles));
  }

  /** When the role was last used (IAM RoleLastUsed), if the live account is at hand and says. */
  Optional<java.time.Instant> lastUsed(String name) {
    return liveRole(name).map(LiveRole::lastUsed);
  }

  /** The live role of that name, compared ignoring case; empty when the live account is not at hand. */
  private Optional<LiveRole> liveRole(String name) {
    if (live == null) {
      return Optional.empty();
    }
    return live.role(name).or(() -> live.roles().values().stream()
        .filter(r -> r.name().equalsIgnoreCase(name))
        .findFirst());
  }

  /**
   * The names of the roles a customer managed policy is attached to now (policy ARNs and names
   * compared ignoring case, as IAM matches names; each role once, whatever case names it).
   */
  List<String> rolesAttaching(ManagedPolicy policy) {
    String arn = policy.arn(partition, plan.accountId());
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (ResourceChange c : plan.changes()) {
      Resource r = c.before();
      if (r instanceof RolePolicyAttachment a && a.policyArn().equalsIgnoreCase(arn)) {
        names.add(a.roleName());
      } else if (r instanceof PrincipalPolicyAttachment p
          && p.principalType() == PrincipalType.ROLE
          && (p.policyName().equalsIgnoreCase(policy.name())
              || arn.equalsIgnoreCase(p.policyArn()))) {
        names.add(p.principalName());
      }
    }
    if (live != null) {
      live.policies().values().stream()
          .filter(p -> p.name().equalsIgnoreCase(policy.name()) || p.arn().equalsIgnoreCase(arn))
          .forEach(p -> names.addAll(p.attachedTo(PrincipalType.ROLE)));
    }
    return List.copyOf(names);
  }

  /**
   * The names of the roles that use a customer managed policy as their permissions boundary now:
   * from the roles of the plan (their current boundary) and every role of the live account, in
   * any stack or none (ARNs compared ignoring case).
   *
   * @param keptOnly leave out the roles whose boundary this plan changes or removes (for a policy
   *     that is deleted: IAM refuses that while it is a boundary, so apply takes the boundary away
   *     first, and the boundary change is judged on its own)
   */
  List<String> rolesBoundedBy(ManagedPolicy policy, boolean keptOnly) {
    String arn = policy.arn(partition, plan.accountId());
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    TreeSet<String> leaving = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    for (ResourceChange c : plan.changes()) {
      if (c.before() instanceof Role r && arn.equalsIgnoreCase(r.permissionsBoundary())) {
        names.add(r.name());
        if (!(c.after() instanceof Role a && arn.equalsIgnoreCase(a.permissionsBoundary()))) {
          leaving.add(r.name());
        }
      }
    }
    if (live != null) {
      live.roles().values().stream()
          .filter(r -> arn.equalsIgnoreCase(r.permissionsBoundaryArn()))
          .forEach(r -> names.add(r.name()));
    }
    if (keptOnly) {
      names.removeIf(leaving::contains);
    }
    return List.copyOf(names);
  }

  /** Whether the ARN names an AWS managed policy ({@code arn:PARTITION:iam::aws:policy/...}). */
  static boolean awsManaged(String policyArn) {
    return policyArn.matches("(?i)arn:[^:]+:iam::aws:policy/.*");
  }

  /**
   * Whether the policy is one of the AWS managed ECS infrastructure-role policies (compared
   * ignoring case: detaching it is {@code ecs-policy-detach} however the ARN is written).
   */
  Optional<EcsInfrastructure> infrastructurePolicy(String policyArn) {
    return Arrays.stream(EcsInfrastructure.values())
        .filter(k -> k.managedPolicyArn(partition).equalsIgnoreCase(policyArn))
        .findFirst();
  }

  /** The {@code ecsInfrastructure:} the stack declares for the role (name ignoring case). */
  private EcsInfrastructure declared(String name) {
    return stack.resources(Role.class)
        .filter(r -> r.name().equalsIgnoreCase(name))
        .map(Role::ecsInfrastructure)
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
  }

  private Optional<String> liveArn(String name) {
    return liveRole(name).map(LiveRole::arn);
  }
}

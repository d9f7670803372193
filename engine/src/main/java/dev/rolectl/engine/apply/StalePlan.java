package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Fingerprints;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PolicyDeletes;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.TrustPhases;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether a saved plan still fits live IAM (DESIGN §6), without the stack: the live fingerprint is
 * recomputed from a fresh read and the plan's own data. {@link Fingerprints#live} needs only the
 * stack's name and which addresses it declares, and a plan has a change (no-ops included) for
 * every declared resource, with the declared resource as its {@code after}; so the plan's {@code
 * after}s stand in for the stack.
 *
 * <p>Planning must read live IAM with {@link #readRequest(Stack)} and staleness checks with
 * {@link #readRequest(Plan)}: the two agree, so equal live states give equal fingerprints.
 */
public final class StalePlan {
  private StalePlan() {}

  /** What to read to plan a stack: users or groups only when it attaches policies to them. */
  public static ReadRequest readRequest(Stack stack) {
    return request(stack.resources());
  }

  /** What to read to check a saved plan: the same as {@link #readRequest(Stack)} gave. */
  public static ReadRequest readRequest(Plan plan) {
    ReadRequest r = request(declared(plan));
    return PolicyDeletes.needsPrincipals(plan) ? new ReadRequest(true, true, r.policyTags()) : r;
  }

  /**
   * Empty when live IAM is as the plan saw it; otherwise the message for the user ("stale plan:
   * ... run plan again").
   */
  public static Optional<String> check(Plan plan, LiveAccount live) {
    Stack scope = scope(plan, live.partition());
    if (!plan.accountId().equals(live.accountId())) {
      return Optional.of(
          "stale plan: it was made for account " + plan.accountId() + " but the target is account "
              + live.accountId() + "; run plan again against this account");
    }
    String now = Fingerprints.live(scope, live);
    if (now.equals(plan.liveFingerprint())) {
      return Optional.empty();
    }
    if (alreadyApplied(plan, scope, live)) {
      return Optional.of(
          "this plan was already applied: live IAM already matches what it would make (plan made"
              + " at " + plan.createdAt() + "); nothing was changed. Run plan again to see whether"
              + " anything else differs");
    }
    return Optional.of(
        "stale plan: live IAM changed since the plan was made at "
            + plan.createdAt()
            + " ("
            + StaleDetails.describe(plan, live)
            + "); nothing was changed: run plan again");
  }

  /** Whether planning the plan's declared resources against live IAM now finds nothing to do. */
  private static boolean alreadyApplied(Plan plan, Stack scope, LiveAccount live) {
    if (!plan.hasChanges()) {
      return false;
    }
    return Differ.plan(scope, live, new PlanOptions(false, plan.target(), plan.createdAt()))
        .plan()
        .map(p -> !p.hasChanges())
        .orElse(false);
  }

  /**
   * A stand-in for the plan's stack: its name and declared resources, default settings (no ECS
   * regions: every enabled region; {@link SafetyGates} adds the regions the plan's safety check
   * read, {@link Plan#ecs()}) but the organisation-denied regions the plan recorded.
   */
  static Stack scope(Plan plan, String partition) {
    return new Stack(
        plan.stack(),
        null,
        plan.accountId(),
        partition,
        Map.of(),
        declared(plan),
        new StackSettings(StackSettings.DEFAULT_MAX_MANAGED_POLICIES_PER_ROLE, List.of(), List.of(),
            plan.ecs() == null ? List.of() : plan.ecs().organizationDeniedRegions()),
        SourceMap.empty());
  }

  /** The declared resources: every change's {@code after}. */
  static List<Resource> declared(Plan plan) {
    return plan.changes().stream()
        .filter(c -> !TrustPhases.isSecondPhase(c))
        .map(ResourceChange::after)
        .filter(Objects::nonNull)
        .toList();
  }

  private static ReadRequest request(List<Resource> declared) {
    boolean users = false;
    boolean groups = false;
    for (Resource r : declared) {
      if (r instanceof PrincipalPolicyAttachment p) {
        users |= p.principalType() == PrincipalType.USER;
        groups |= p.principalType() == PrincipalType.GROUP;
      }
    }
    return new ReadRequest(users, groups, true);
  }

  /** Whether a live role or policy is in the plan's scope (declared, or tagged with the stack). */
  static boolean inScope(Plan plan, Address address, Map<String, String> tags) {
    return plan.stack().equals(tags.get(Stack.OWNER_TAG))
        || plan.changes().stream().anyMatch(c -> c.address().equals(address) && c.after() != null);
  }

  static boolean inScope(Plan plan, LiveRole r) {
    return inScope(plan, Address.role(r.name()), r.tags());
  }

  static boolean inScope(Plan plan, LiveManagedPolicy p) {
    return inScope(plan, Address.policy(p.name()), p.tags());
  }
}

package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.EcsCoverage;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The safety check (DESIGN §1, §6): gives each change that could break an ECS deployment a verdict.
 * Disruptive changes to a role that ECS may be using as an infrastructure role are blocked while a
 * deployment that references the role is pending or under way, or when ECS cannot be read (fail
 * closed); warned when services reference the role but none is deploying; allowed when no service
 * references it. Rules: {@value RoleDeleteRule#ID}, {@value TrustDropsEcsRule#ID}, {@value
 * PolicyDetachRule#ID}, {@value RoleNarrowingRule#ID}, and {@value RecentlyUsedRule#ID} (a warning
 * from IAM's RoleLastUsed, no ECS call).
 *
 * <p>A role is asked about in ECS when it declares {@code ecsInfrastructure:} or its current trust
 * policy lets {@code ecs.amazonaws.com} assume it (a role ECS cannot assume is in no deployment's
 * way). ECS is read only when the plan has such a change; then once, for all those roles, in every
 * region enabled for the account and the stack's {@code settings.ecs.regions} besides. The plan
 * records the regions and clusters read ({@link Plan#ecs()}) for {@code apply PLANFILE}.
 */
public final class Safety {
  public static final String ECS_ROLE_DELETE = RoleDeleteRule.ID;
  public static final String ECS_TRUST_DROPS_ECS = TrustDropsEcsRule.ID;
  public static final String ECS_POLICY_DETACH = PolicyDetachRule.ID;
  public static final String ECS_ROLE_NARROWING = RoleNarrowingRule.ID;
  public static final String ROLE_RECENTLY_USED = RecentlyUsedRule.ID;

  static final List<SafetyRule> RULES =
      List.of(
          new RoleDeleteRule(),
          new TrustDropsEcsRule(),
          new PolicyDetachRule(),
          new RoleNarrowingRule());

  private Safety() {}

  /** Every rule id, in the order verdicts are given. */
  public static List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    RULES.forEach(r -> ids.add(r.id()));
    ids.add(RecentlyUsedRule.ID);
    return List.copyOf(ids);
  }

  /**
   * The plan with verdicts attached to its changes (replacing any they had). Changes no rule
   * concerns get none. Never throws for ECS trouble: that is a block verdict.
   *
   * @param live the live account the plan was made from (for RoleLastUsed and roles outside the
   *     stack); {@code null} when not at hand
   * @param ecs what to ask about ECS; not called when no change needs it
   */
  public static Plan check(
      Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs, Clock clock) {
    RoleIndex roles = new RoleIndex(plan, stack, live);
    List<List<Hazard>> hazards = plan.changes().stream().map(c -> hazards(c, roles)).toList();
    Set<String> arns = new LinkedHashSet<>();
    hazards.forEach(hs -> arns.addAll(ecsRoleArns(hs)));
    EcsScan scan = arns.isEmpty() ? null : scan(arns, stack, ecs::scan);
    Instant now = clock.instant();
    List<ResourceChange> out = new ArrayList<>();
    for (int i = 0; i < plan.changes().size(); i++) {
      List<Verdict> verdicts = new ArrayList<>(othersVerdicts(plan.changes().get(i)));
      for (Hazard h : hazards.get(i)) {
        if (h.role().ecsRelevant()) {
          verdicts.add(Judge.verdict(h, scan));
        }
      }
      verdicts.addAll(RecentlyUsedRule.verdicts(hazards.get(i), roles, now));
      out.add(plan.changes().get(i).withVerdicts(verdicts));
    }
    Plan checked = plan.withChanges(out);
    return scan == null
        ? checked
        : checked.withEcs(new EcsCoverage(scan.regions(), scan.clusters()));
  }

  /** Verdicts the differ gave (e.g. {@code protected}): kept, the safety rules' own replaced. */
  private static List<Verdict> othersVerdicts(ResourceChange c) {
    List<String> ours = ruleIds();
    return c.verdicts().stream().filter(v -> !ours.contains(v.rule())).toList();
  }

  /**
   * Re-checks one change right before its disruptive call, reading ECS anew: the most serious ECS
   * verdict ({@code allow} when no ECS rule concerns the change). For {@code apply}.
   *
   * @param live as for {@link #check}; may be {@code null}
   */
  public static Verdict recheck(
      Plan plan, ResourceChange change, Stack stack, LiveAccount live, EcsDeployments ecs) {
    List<Hazard> hs = hazards(change, new RoleIndex(plan, stack, live));
    Set<String> arns = ecsRoleArns(hs);
    if (arns.isEmpty()) {
      return Verdict.allow("ecs-safety", "no ECS safety rule concerns " + change.address());
    }
    EcsScan scan = scan(arns, stack, ecs::rescan);
    Verdict worst = null;
    for (Hazard h : hs) {
      if (h.role().ecsRelevant()) {
        Verdict v = Judge.verdict(h, scan);
        worst = worst == null || v.level().compareTo(worst.level()) > 0 ? v : worst;
      }
    }
    return worst;
  }

  /**
   * The ARNs of the roles that ECS may be using and that the change disrupts: what {@code apply}
   * re-checks (and waits for with {@link DeploymentWaiter}); empty when the change needs no ECS
   * check.
   */
  public static Set<String> ecsRolesAtRisk(
      Plan plan, ResourceChange change, Stack stack, LiveAccount live) {
    return ecsRoleArns(hazards(change, new RoleIndex(plan, stack, live)));
  }

  private static List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    List<Hazard> out = new ArrayList<>();
    if (change.action().isChange()) {
      RULES.forEach(r -> out.addAll(r.hazards(change, roles)));
    }
    return out;
  }

  private static Set<String> ecsRoleArns(List<Hazard> hazards) {
    Set<String> arns = new LinkedHashSet<>();
    hazards.stream().filter(h -> h.role().ecsRelevant()).forEach(h -> arns.add(h.role().arn()));
    return arns;
  }

  private static EcsScan scan(
      Set<String> arns,
      Stack stack,
      java.util.function.BiFunction<Collection<String>, Collection<String>, EcsScan> how) {
    List<String> regions = stack.settings().ecsRegions();
    try {
      return how.apply(arns, regions);
    } catch (RuntimeException e) {
      return EcsScan.unknown(
          regions, "reading ECS failed (" + e.getMessage() + "): run with --debug for details");
    }
  }
}

package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.EcsCoverage;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The safety check (docs/safety.md): gives each change that could break something using a role a
 * verdict. Three users are judged, each from its own reads:
 *
 * <ul>
 *   <li>ECS, using the role as an <b>infrastructure role</b> (a role that declares {@code
 *       ecsInfrastructure:} or whose current trust policy lets {@code ecs.amazonaws.com} assume
 *       it): disruptive changes are blocked while a deployment that references the role is pending
 *       or under way, warned when resources reference it but none is deploying ({@value
 *       RoleDeleteRule#ID}, {@value TrustDropsRule#ID}, {@value PolicyDetachRule#ID}, {@value
 *       RoleNarrowingRule#ID});
 *   <li>ECS <b>tasks</b>, using it as a task or execution role (its trust policy lets {@code
 *       ecs-tasks.amazonaws.com} assume it): delete, replace and trust changes are blocked while
 *       a task definition in use names it, narrowing is warned ({@value RoleDeleteRule#TASKS_ID},
 *       {@value TrustDropsRule#TASKS_ID}, {@value TaskNarrowingRule#ID});
 *   <li><b>EC2 instances</b>, through an instance profile the role is in: delete, replace and
 *       trust changes are blocked while an instance is associated with the profile ({@value
 *       RoleDeleteRule#EC2_ID}, {@value TrustDropsRule#EC2_ID}).
 * </ul>
 *
 * When a read fails, the verdict is block (fail closed). {@value RecentlyUsedRule#ID} warns from
 * IAM's RoleLastUsed. The reads are made only when a plan has a change that needs them, once, in
 * every region enabled for the account and the stack's {@code settings.ecs.regions} besides. The
 * plan records what was read ({@link Plan#ecs()}) for {@code apply PLANFILE}.
 */
public final class Safety {
  public static final String ECS_ROLE_DELETE = RoleDeleteRule.ID;
  public static final String ECS_TRUST_DROPS_ECS = TrustDropsRule.ID;
  public static final String ECS_POLICY_DETACH = PolicyDetachRule.ID;
  public static final String ECS_ROLE_NARROWING = RoleNarrowingRule.ID;
  public static final String ECS_TASK_ROLE_DELETE = RoleDeleteRule.TASKS_ID;
  public static final String ECS_TRUST_DROPS_ECS_TASKS = TrustDropsRule.TASKS_ID;
  public static final String ECS_TASK_ROLE_NARROWING = TaskNarrowingRule.ID;
  public static final String EC2_ROLE_DELETE = RoleDeleteRule.EC2_ID;
  public static final String EC2_TRUST_DROPS_EC2 = TrustDropsRule.EC2_ID;
  public static final String ROLE_RECENTLY_USED = RecentlyUsedRule.ID;

  static final List<SafetyRule> RULES =
      List.of(
          new RoleDeleteRule(),
          TrustDropsRule.ecs(),
          new PolicyDetachRule(),
          new RoleNarrowingRule(),
          RoleDeleteRule.tasks(),
          TrustDropsRule.tasks(),
          new TaskNarrowingRule(),
          RoleDeleteRule.ec2(),
          TrustDropsRule.ec2());

  /** The rules whose blocks waiting for ECS deployments can end ({@code --wait-for-deployments}). */
  private static final Set<String> DEPLOYMENT_RULES =
      Set.of(RoleDeleteRule.ID, TrustDropsRule.ID, PolicyDetachRule.ID, RoleNarrowingRule.ID);

  private Safety() {}

  /** Every rule id, in the order verdicts are given. */
  public static List<String> ruleIds() {
    List<String> ids = new ArrayList<>();
    RULES.forEach(r -> ids.add(r.id()));
    ids.add(RecentlyUsedRule.ID);
    return List.copyOf(ids);
  }

  /**
   * Whether waiting for ECS deployments can end the verdict's block: only the infrastructure-role
   * rules', which block while a deployment is under way. Roles in use by tasks or instances stay
   * in use while they run.
   */
  public static boolean waitable(Verdict v) {
    return DEPLOYMENT_RULES.contains(v.rule());
  }

  /**
   * Whether the verdict is one of these rules' (the ECS and EC2 "in use" rules, which {@code
   * apply --break-glass} may override), as opposed to another's (e.g. {@code protected}, which
   * nothing overrides).
   */
  public static boolean isSafetyRule(Verdict v) {
    return ruleIds().contains(v.rule());
  }

  /** As below, with EC2 unknown: changes to roles in instance profiles are blocked. */
  public static Plan check(
      Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs, Clock clock) {
    return check(plan, stack, live, ecs, noEc2(), clock);
  }

  /**
   * The plan with verdicts attached to its changes (replacing any they had). Changes no rule
   * concerns get none. Never throws for ECS or EC2 trouble: that is a block verdict.
   *
   * @param live the live account the plan was made from (for RoleLastUsed, instance profiles
   *     and roles outside the stack); {@code null} when not at hand
   * @param ecs what to ask about ECS; not called when no change needs it
   * @param ec2 what to ask about EC2 instance profile associations; likewise
   */
  public static Plan check(Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs,
      InstanceProfileAssociations ec2, Clock clock) {
    RoleIndex roles = new RoleIndex(plan, stack, live);
    List<List<Hazard>> hazards = plan.changes().stream().map(c -> hazards(c, roles)).toList();
    List<Hazard> all = new ArrayList<>();
    hazards.forEach(all::addAll);
    Reads reads = Reads.of(all, stack, ecs, ec2, false);
    Instant now = clock.instant();
    List<ResourceChange> out = new ArrayList<>();
    for (int i = 0; i < plan.changes().size(); i++) {
      List<Verdict> verdicts = new ArrayList<>(othersVerdicts(plan.changes().get(i)));
      for (Hazard h : hazards.get(i)) {
        verdicts.add(reads.verdict(h, true));
      }
      verdicts.addAll(RecentlyUsedRule.verdicts(allHazards(plan.changes().get(i), roles), roles,
          now));
      out.add(plan.changes().get(i).withVerdicts(verdicts));
    }
    Plan checked = plan.withChanges(out);
    EcsCoverage coverage = reads.coverage(stack);
    return coverage == null ? checked : checked.withEcs(coverage);
  }

  /** Verdicts the differ gave (e.g. {@code protected}): kept, the safety rules' own replaced. */
  private static List<Verdict> othersVerdicts(ResourceChange c) {
    List<String> ours = ruleIds();
    return c.verdicts().stream().filter(v -> !ours.contains(v.rule())).toList();
  }

  /** As below, with EC2 unknown. */
  public static Verdict recheck(
      Plan plan, ResourceChange change, Stack stack, LiveAccount live, EcsDeployments ecs) {
    return recheck(plan, change, stack, live, ecs, noEc2());
  }

  /**
   * Re-checks one change right before its disruptive call, reading ECS and EC2 anew: the most
   * serious verdict, saying everything in full ({@code allow} when no rule that can block concerns
   * the change: warn-only rules are not re-checked). For {@code apply}.
   *
   * @param live as for {@link #check}; may be {@code null}
   */
  public static Verdict recheck(Plan plan, ResourceChange change, Stack stack, LiveAccount live,
      EcsDeployments ecs, InstanceProfileAssociations ec2) {
    // a rule that only ever warns cannot refuse the change: its reads would be wasted here
    List<Hazard> hs = hazards(change, new RoleIndex(plan, stack, live)).stream()
        .filter(h -> !h.warnOnly()).toList();
    if (hs.isEmpty()) {
      return Verdict.allow("ecs-safety", "no ECS or EC2 safety rule that can block concerns "
          + change.address());
    }
    Reads reads = Reads.of(hs, stack, ecs, ec2, true);
    Verdict worst = null;
    for (Hazard h : hs) {
      Verdict v = reads.verdict(h, false);
      worst = worst == null || v.level().compareTo(worst.level()) > 0
          || (v.level() == worst.level() && waitable(worst) && !waitable(v)) ? v : worst;
    }
    return worst;
  }

  /**
   * The ARNs of the roles that ECS may be using as infrastructure roles and that the change
   * disrupts: what {@code apply} waits for with {@link DeploymentWaiter}; empty when the change
   * needs no such check.
   */
  public static Set<String> ecsRolesAtRisk(
      Plan plan, ResourceChange change, Stack stack, LiveAccount live) {
    Set<String> arns = new LinkedHashSet<>();
    hazards(change, new RoleIndex(plan, stack, live)).stream()
        .filter(h -> h.usedBy() == UsedBy.ECS_INFRASTRUCTURE)
        .forEach(h -> arns.add(h.role().arn()));
    return arns;
  }

  /** The hazards of the change whose user may be using the role (their reads are needed). */
  private static List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    return allHazards(change, roles).stream().filter(Hazard::relevant).toList();
  }

  private static List<Hazard> allHazards(ResourceChange change, RoleIndex roles) {
    List<Hazard> out = new ArrayList<>();
    if (change.action().isChange()) {
      RULES.forEach(r -> out.addAll(r.hazards(change, roles)));
    }
    return out;
  }

  private static InstanceProfileAssociations noEc2() {
    return InstanceProfileAssociations.unknown("rolectl was not given a way to read EC2 here");
  }
}

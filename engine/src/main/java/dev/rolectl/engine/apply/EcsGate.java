package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.safety.DeploymentWaiter;
import dev.rolectl.engine.safety.Safety;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The safety gate of {@link SafetyGates}: a change the plan blocked is refused unless apply may
 * wait for ECS deployments (and the block is one that waiting can end); otherwise ECS and EC2 are
 * read anew, and a block either refuses the change or, with a wait budget, waits ({@link
 * DeploymentWaiter}) until the deployments are over and re-checks. The budget ({@code
 * --wait-for-deployments}) is for the whole apply, from its first wait; waits take turns. Roles in
 * use by ECS tasks or EC2 instances are not waited for: they stay in use while those run.
 *
 * <p>With a break-glass reason ({@code apply --break-glass REASON}), a change blocked by the
 * safety rules ({@link Safety#isSafetyRule}) is made anyway, after reading ECS and EC2 anew so
 * that what it overrides is reported ({@link EngineEvent.BrokeGlass}); a block of any other rule
 * (e.g. {@code protected}) still refuses it.
 */
final class EcsGate implements SafetyGate {
  private final Plan plan;
  private final Stack stack;
  private final LiveAccount live;
  private final EcsDeployments ecs;
  private final InstanceProfileAssociations ec2;
  private final Duration waitFor;
  private final String breakGlass;
  private final Clock clock;
  private final DeploymentWaiter.Sleeper sleeper;
  private final Object waits = new Object();
  private Instant deadline; // guarded by waits

  EcsGate(
      Plan plan,
      Stack stack,
      LiveAccount live,
      EcsDeployments ecs,
      InstanceProfileAssociations ec2,
      Duration waitFor,
      String breakGlass,
      Clock clock,
      DeploymentWaiter.Sleeper sleeper) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.stack = Objects.requireNonNull(stack, "stack");
    this.live = live;
    this.ecs = Objects.requireNonNull(ecs, "ecs");
    this.ec2 = Objects.requireNonNull(ec2, "ec2");
    this.waitFor = Objects.requireNonNull(waitFor, "waitFor");
    this.breakGlass = breakGlass;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (waitFor.isNegative()) {
      throw new IllegalArgumentException("waitFor must not be negative: " + waitFor);
    }
  }

  @Override
  public Optional<String> check(ResourceChange change) {
    return check(change, e -> {});
  }

  @Override
  public Optional<String> check(ResourceChange change, Consumer<EngineEvent> events) {
    boolean mayWait = !waitFor.isZero();
    List<Verdict> planned = change.verdicts().stream().filter(Verdict::isBlock).toList();
    Optional<Verdict> notOurs = planned.stream().filter(v -> !Safety.isSafetyRule(v)).findFirst();
    if (notOurs.isPresent()) {
      return Optional.of("the plan blocked this change: " + reason(notOurs.get()));
    }
    if (!planned.isEmpty() && breakGlass == null
        && (!mayWait || planned.stream().anyMatch(v -> !Safety.waitable(v)))) {
      Verdict v = planned.stream().filter(p -> !Safety.waitable(p)).findFirst()
          .orElse(planned.get(0));
      return Optional.of("the plan blocked this change: " + reason(v) + ". " + (Safety.waitable(v)
          ? "Plan again once the deployment is over, or apply with --wait-for-deployments"
              + " DURATION"
          : "Plan again once nothing uses the role (--wait-for-deployments does not apply)"));
    }
    Verdict now = recheck(change);
    if (!now.isBlock() && (breakGlass == null || planned.isEmpty())) {
      return Optional.empty();
    }
    if (breakGlass != null) {
      Verdict overridden = now.isBlock() ? now : planned.get(0);
      events.accept(new EngineEvent.BrokeGlass(change.address(), overridden.rule(),
          overridden.message(), breakGlass));
      return Optional.empty();
    }
    if (!mayWait) {
      return blocked(now);
    }
    if (!Safety.waitable(now)) {
      return Optional.of(reason(now) + " (--wait-for-deployments does not apply to this rule)");
    }
    synchronized (waits) {
      now = recheck(change); // another change may have waited for the same deployment
      if (!now.isBlock()) {
        return Optional.empty();
      }
      Instant start = clock.instant();
      if (deadline == null) {
        deadline = start.plus(waitFor);
      }
      Duration left = Duration.between(start, deadline);
      if (left.isNegative() || left.isZero()) {
        return Optional.of(timeUp(now));
      }
      DeploymentWaiter.Result r =
          new DeploymentWaiter(ecs, interval(waitFor), left, clock, sleeper)
              .await(
                  Safety.ecsRolesAtRisk(plan, change, stack, live),
                  stack.settings().ecsRegions(),
                  stack.settings().organizationDeniedRegions(),
                  events);
      if (r.outcome() == DeploymentWaiter.Outcome.INTERRUPTED) {
        return Optional.of("waiting for ECS deployments was interrupted: " + reason(now));
      }
      now = recheck(change);
      return now.isBlock() ? Optional.of(timeUp(now)) : Optional.empty();
    }
  }

  /** How often to read ECS while waiting: a tenth of the budget, 1 to 15 seconds. */
  static Duration interval(Duration waitFor) {
    Duration tenth = waitFor.dividedBy(10);
    if (tenth.compareTo(Duration.ofSeconds(1)) < 0) {
      return Duration.ofSeconds(1);
    }
    return tenth.compareTo(Duration.ofSeconds(15)) > 0 ? Duration.ofSeconds(15) : tenth;
  }

  private Verdict recheck(ResourceChange change) {
    Verdict v = Safety.recheck(plan, change, stack, live, ecs, ec2);
    return v != null ? v : Verdict.allow("ecs-safety", "no ECS rule concerns " + change.address());
  }

  private static Optional<String> blocked(Verdict v) {
    return Optional.of(reason(v) + (Safety.waitable(v)
        ? ". Wait for the deployment to finish, or apply with --wait-for-deployments DURATION"
        : ""));
  }

  private String timeUp(Verdict v) {
    return "still blocked when the --wait-for-deployments time (" + text(waitFor) + ") was up: "
        + reason(v);
  }

  private static String reason(Verdict v) {
    return v.message() + " [" + v.rule() + "]";
  }

  static String text(Duration d) {
    return d.toString().substring(2).toLowerCase(Locale.ROOT);
  }
}

package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.EcsDeployments;
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
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The ECS gate of {@link SafetyGates}: a change the plan blocked is refused unless apply may wait;
 * otherwise ECS is read anew, and a block either refuses the change or, with a wait budget, waits
 * ({@link DeploymentWaiter}) until the deployments are over and re-checks. The budget ({@code
 * --wait-for-deployments}) is for the whole apply, from its first wait; waits take turns.
 */
final class EcsGate implements SafetyGate {
  private final Plan plan;
  private final Stack stack;
  private final LiveAccount live;
  private final EcsDeployments ecs;
  private final Duration waitFor;
  private final Clock clock;
  private final DeploymentWaiter.Sleeper sleeper;
  private final Object waits = new Object();
  private Instant deadline; // guarded by waits

  EcsGate(
      Plan plan,
      Stack stack,
      LiveAccount live,
      EcsDeployments ecs,
      Duration waitFor,
      Clock clock,
      DeploymentWaiter.Sleeper sleeper) {
    this.plan = Objects.requireNonNull(plan, "plan");
    this.stack = Objects.requireNonNull(stack, "stack");
    this.live = live;
    this.ecs = Objects.requireNonNull(ecs, "ecs");
    this.waitFor = Objects.requireNonNull(waitFor, "waitFor");
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
    Optional<Verdict> planned = change.verdicts().stream().filter(Verdict::isBlock).findFirst();
    if (planned.isPresent() && !mayWait) {
      Verdict v = planned.get();
      return Optional.of(
          "the plan blocked this change: " + v.message() + " [" + v.rule() + "]. Plan again once"
              + " the deployment is over, or apply with --wait-for-deployments DURATION");
    }
    Verdict now = recheck(change);
    if (!now.isBlock()) {
      return Optional.empty();
    }
    if (!mayWait) {
      return blocked(now);
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
    Verdict v = Safety.recheck(plan, change, stack, live, ecs);
    return v != null ? v : Verdict.allow("ecs-safety", "no ECS rule concerns " + change.address());
  }

  private static Optional<String> blocked(Verdict v) {
    return Optional.of(reason(v) + ". Wait for the deployment to finish, or apply with"
        + " --wait-for-deployments DURATION");
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

package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.safety.DeploymentWaiter;
import dev.rolectl.engine.safety.Safety;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link SafetyGate}s made from the ECS safety rules ({@link Safety#recheck}).
 *
 * <p>A change whose plan verdict is {@code block} is refused without asking ECS again (the plan
 * the user approved said so), unless apply may wait. Any other disruptive change is re-checked
 * against ECS right before it is made (reading ECS anew): {@code block} refuses it, {@code warn}
 * and {@code allow} let it go. With a wait budget ({@code --wait-for-deployments}), a blocked
 * change waits for the deployments that use its roles to finish ({@link DeploymentWaiter},
 * reporting {@code Waiting} events), is re-checked, and is refused only when the budget (for the
 * whole apply, from its first wait) is spent.
 */
public final class SafetyGates {
  private SafetyGates() {}

  /**
   * The gate without waiting.
   *
   * @param live the live account the plan was made from (may be {@code null})
   */
  public static SafetyGate ecs(Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs) {
    return ecs(plan, stack, live, ecs, Duration.ZERO);
  }

  /**
   * The gate.
   *
   * @param waitFor how long apply may wait for deployments in all; zero: never wait
   */
  public static SafetyGate ecs(
      Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs, Duration waitFor) {
    return new EcsGate(plan, stack, live, ecs, noEc2(), waitFor, null, Clock.systemUTC(),
        d -> Thread.sleep(d.toMillis()));
  }

  /**
   * The gate of an apply that {@code stop} can stop: a wait for deployments ends when a stop is
   * requested (Ctrl-C, SIGTERM), and the change that waited is refused, not made.
   */
  public static SafetyGate ecs(
      Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs, Duration waitFor, Stop stop) {
    return new EcsGate(plan, stack, live, ecs, noEc2(), waitFor, null, Clock.systemUTC(),
        stop::sleep);
  }

  /**
   * The gate of an apply of a stack: ECS and EC2 re-checked, stopped by {@code stop}.
   *
   * @param breakGlass {@code apply --break-glass REASON}: changes the safety rules block are made
   *     anyway (each reported), never those another rule blocks; {@code null} for none
   */
  public static SafetyGate of(Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs,
      InstanceProfileAssociations ec2, Duration waitFor, String breakGlass, Stop stop) {
    return new EcsGate(plan, stack, live, ecs, ec2, waitFor, breakGlass, Clock.systemUTC(),
        stop::sleep);
  }

  private static InstanceProfileAssociations noEc2() {
    return InstanceProfileAssociations.unknown("rolectl was not given a way to read EC2 here");
  }

  /** For tests: a gate on a given clock and sleeper. */
  static SafetyGate ecs(
      Plan plan,
      Stack stack,
      LiveAccount live,
      EcsDeployments ecs,
      Duration waitFor,
      Clock clock,
      DeploymentWaiter.Sleeper sleeper) {
    return new EcsGate(plan, stack, live, ecs, noEc2(), waitFor, null, clock, sleeper);
  }

  /** For tests: a gate with EC2 and a break-glass reason, on a given clock and sleeper. */
  static SafetyGate of(Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs,
      InstanceProfileAssociations ec2, Duration waitFor, String breakGlass, Clock clock,
      DeploymentWaiter.Sleeper sleeper) {
    return new EcsGate(plan, stack, live, ecs, ec2, waitFor, breakGlass, clock, sleeper);
  }
}

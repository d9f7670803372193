package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.model.EngineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Waits until no pending or ongoing ECS deployment references some roles ({@code apply
 * --wait-for-deployments}): reads ECS anew every {@code interval} until the deployments are over or
 * the {@code timeout} passes, reporting each wait as {@link EngineEvent.Waiting}. While ECS cannot
 * be read it keeps waiting (fail closed) and reports why.
 */
public final class DeploymentWaiter {
  /** Sleeps; tests pass one that moves a fake clock. */
  @FunctionalInterface
  public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
  }

  private final EcsDeployments ecs;
  private final Duration interval;
  private final Duration timeout;
  private final Clock clock;
  private final Sleeper sleeper;

  /** Waits on the system clock with {@link Thread#sleep}. */
  public DeploymentWaiter(EcsDeployments ecs, Duration interval, Duration timeout) {
    this(ecs, interval, timeout, Clock.systemUTC(), d -> Thread.sleep(d.toMillis()));
  }

  public DeploymentWaiter(
      EcsDeployments ecs, Duration interval, Duration timeout, Clock clock, Sleeper sleeper) {
    this.ecs = Objects.requireNonNull(ecs, "ecs");
    this.interval = Objects.requireNonNull(interval, "interval");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    if (interval.isNegative() || interval.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("interval must be positive and timeout not negative");
    }
  }

  /**
   * Waits until no deployment that references one of the roles is pending or under way.
   *
   * @param roleArns e.g. {@link Safety#ecsRolesAtRisk}
   * @param regions the stack's {@code settings.ecs.regions} (empty: every enabled region)
   */
  public Result await(
      Collection<String> roleArns, Collection<String> regions, Consumer<EngineEvent> progress) {
    return await(roleArns, regions, java.util.List.of(), progress);
  }

  /**
   * As above; where an organisation policy denies ECS in a region that {@code denied} names
   * ({@code settings.ecs.organizationDeniedRegions}), the region is not waited for.
   */
  public Result await(Collection<String> roleArns, Collection<String> regions,
      Collection<String> denied, Consumer<EngineEvent> progress) {
    Instant start = clock.instant();
    Instant deadline = start.plus(timeout);
    while (true) {
      EcsScan scan = ecs.rescan(roleArns, regions).excusing(denied);
      Duration soFar = Duration.between(start, clock.instant());
      if (scan.isKnown() && roleArns.stream().noneMatch(scan::deploying)) {
        return new Result(Outcome.DONE, soFar, scan);
      }
      Duration left = Duration.between(clock.instant(), deadline);
      if (left.isNegative() || left.isZero()) {
        return new Result(Outcome.TIMEOUT, soFar, scan);
      }
      report(scan, soFar, progress);
      try {
        sleeper.sleep(left.compareTo(interval) < 0 ? left : interval); // the last read at the end
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new Result(Outcome.INTERRUPTED, Duration.between(start, clock.instant()), scan);
      }
    }
  }

  private static void report(EcsScan scan, Duration soFar, Consumer<EngineEvent> progress) {
    if (!scan.isKnown()) {
      progress.accept(
          new EngineEvent.Waiting(
              "ECS state", "cannot read ECS yet: " + scan.reason().get(), soFar));
      return;
    }
    for (Map.Entry<String, List<ServiceUse>> e : scan.uses().entrySet()) {
      for (ServiceUse u : e.getValue()) {
        for (ActiveDeployment d : u.activeDeployments()) {
          progress.accept(
              new EngineEvent.Waiting(
                  d.describe() + " of " + u.describe(),
                  "it uses role " + e.getKey() + ", which the next change disrupts",
                  soFar));
        }
      }
    }
  }

  /** How a wait ended. */
  public enum Outcome {
    /** No deployment references the roles any more. */
    DONE,
    /** The timeout passed first. */
    TIMEOUT,
    /** The thread was interrupted (e.g. Ctrl-C). */
    INTERRUPTED
  }

  /**
   * The end of a wait.
   *
   * @param last the last scan: on a timeout, what was still deploying (or why ECS was unknown)
   */
  public record Result(Outcome outcome, Duration waited, EcsScan last) {
    public Result {
      Objects.requireNonNull(outcome, "outcome");
      Objects.requireNonNull(waited, "waited");
      Objects.requireNonNull(last, "last");
    }

    public boolean done() {
      return outcome == Outcome.DONE;
    }
  }
}

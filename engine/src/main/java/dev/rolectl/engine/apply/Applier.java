package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Executes a {@link Plan} (it never diffs again): creates and updates in dependency order,
 * deletes in reverse, independent changes in parallel (at most {@link ApplyOptions#parallelism()}
 * at a time). A change that fails or is blocked by the safety gate makes the changes that wait
 * for it "skipped"; independent work goes on. Every call is idempotent in effect, so running the
 * same plan again after an interruption, or planning and applying again, converges.
 *
 * <p>Reports through {@code events} (from several threads, one event at a time): {@link
 * EngineEvent.ChangeStarted}, {@link EngineEvent.ChangeFinished}, {@link
 * EngineEvent.ChangeSkipped}, and {@link EngineEvent.Waiting} for retries and eventual
 * consistency.
 */
public final class Applier {
  private Applier() {}

  /**
   * Applies the plan's changes (no-ops are left alone).
   *
   * @param writer the target's write side (take its {@link IamWriter#lock()} around planning and
   *     applying)
   */
  public static ApplyResult apply(
      Plan plan, IamWriter writer, ApplyOptions options, Consumer<EngineEvent> events) {
    return apply(plan, writer, options, events, new Stop());
  }

  /**
   * Applies the plan's changes until {@code stop} is requested: then changes in flight finish and
   * the others are {@link ChangeOutcome.Status#NOT_STARTED}. The apply requests it itself, with
   * one {@link EngineEvent.Stopping} event, when {@value ChangeRunner#UNREACHABLE_IN_A_ROW}
   * changes in a row found the endpoint unreachable.
   */
  public static ApplyResult apply(
      Plan plan, IamWriter writer, ApplyOptions options, Consumer<EngineEvent> events, Stop stop) {
    long start = System.nanoTime();
    Object lock = new Object();
    Consumer<EngineEvent> oneAtATime =
        e -> {
          synchronized (lock) {
            events.accept(e);
          }
        };
    List<ResourceChange> effective = plan.effectiveChanges();
    ChangeRunner runner = new ChangeRunner(plan, writer, options, oneAtATime, stop);
    List<ChangeOutcome> outcomes =
        new GraphWalk(effective, WaitGraph.of(plan.changes()), oneAtATime)
            .run(options.parallelism(), runner::run, stop);
    return new ApplyResult(outcomes, Duration.ofNanos(System.nanoTime() - start));
  }
}

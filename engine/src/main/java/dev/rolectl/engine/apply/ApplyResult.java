package dev.rolectl.engine.apply;

import dev.rolectl.engine.plan.Action;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code apply} did: one outcome per change of the plan that was not a no-op, in the plan's
 * order.
 */
public record ApplyResult(List<ChangeOutcome> outcomes, Duration elapsed) {

  public ApplyResult {
    outcomes = List.copyOf(outcomes);
    Objects.requireNonNull(elapsed, "elapsed");
  }

  /** Every change was made. */
  public boolean succeeded() {
    return outcomes.stream().allMatch(ChangeOutcome::isDone);
  }

  /** Some change was blocked by a safety rule (exit code 3). */
  public boolean blocked() {
    return outcomes.stream().anyMatch(o -> o.status() == ChangeOutcome.Status.BLOCKED);
  }

  /** Outcomes with the given status. */
  public List<ChangeOutcome> with(ChangeOutcome.Status status) {
    return outcomes.stream().filter(o -> o.status() == status).toList();
  }

  /** Changes made, per action (every action present, zero when none). */
  public Map<Action, Integer> doneCounts() {
    Map<Action, Integer> counts = new EnumMap<>(Action.class);
    for (Action a : Action.values()) {
      counts.put(a, 0);
    }
    outcomes.stream().filter(ChangeOutcome::isDone).forEach(o -> counts.merge(o.action(), 1, Integer::sum));
    return counts;
  }
}

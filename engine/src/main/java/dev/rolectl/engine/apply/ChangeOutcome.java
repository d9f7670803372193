package dev.rolectl.engine.apply;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.plan.Action;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What became of one change of the plan.
 *
 * @param message what went wrong and what to do (failed, blocked), or which change it waited for
 *     (skipped); for a change done, what it did that the plan could not show for sure (e.g. the
 *     instance profiles a deleted role was removed from), else {@code null}
 * @param upstream for a skipped change, the failed or blocked change it waited for
 */
public record ChangeOutcome(
    Address address,
    Action action,
    Status status,
    String message,
    Duration elapsed,
    Address upstream) {

  /** Done, failed, blocked by a safety rule, skipped (upstream failed) or not started. */
  public enum Status {
    DONE,
    FAILED,
    BLOCKED,
    SKIPPED,
    /** The apply was interrupted before the change could start. */
    NOT_STARTED;

    public String jsonName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
  }

  public ChangeOutcome {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(elapsed, "elapsed");
  }

  static ChangeOutcome done(Address a, Action action, Duration elapsed) {
    return new ChangeOutcome(a, action, Status.DONE, null, elapsed, null);
  }

  public boolean isDone() {
    return status == Status.DONE;
  }
}

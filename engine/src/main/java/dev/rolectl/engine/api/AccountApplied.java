package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;

/**
 * What apply did in one account.
 *
 * @param result the changes' outcomes; {@code null} when nothing was applied there
 * @param error why nothing was applied (unreachable, stale plan, failed plan); {@code null} when
 *     applied or when there was nothing to do
 */
public record AccountApplied(AccountRef account, ApplyResult result, String error) {

  /** Whether every change was made (or there was nothing to do). */
  public boolean succeeded() {
    return error == null && (result == null || (result.with(ChangeOutcome.Status.FAILED).isEmpty()
        && result.with(ChangeOutcome.Status.NOT_STARTED).isEmpty() && !result.blocked()));
  }

  /** Whether a safety rule refused a change (and nothing else went wrong). */
  public boolean blocked() {
    return error == null && result != null && result.blocked()
        && result.with(ChangeOutcome.Status.FAILED).isEmpty()
        && result.with(ChangeOutcome.Status.NOT_STARTED).isEmpty();
  }
}

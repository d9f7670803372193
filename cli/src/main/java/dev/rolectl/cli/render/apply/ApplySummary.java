package dev.rolectl.cli.render.apply;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;
import dev.rolectl.engine.plan.Action;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * The closing lines of {@code apply}: counts of what was done per action, and each change that
 * failed or was blocked, with its message (to the error stream).
 */
public final class ApplySummary {
  private ApplySummary() {}

  /** e.g. {@code 3 created, 1 updated, 0 replaced, 1 deleted, 0 adopted}. */
  public static String counts(ApplyResult r) {
    Map<Action, Integer> c = r.doneCounts();
    return c.get(Action.CREATE) + " created, " + c.get(Action.UPDATE) + " updated, "
        + c.get(Action.REPLACE) + " replaced, " + c.get(Action.DELETE) + " deleted, "
        + c.get(Action.ADOPT) + " adopted";
  }

  /** @param stopped why the apply stopped starting changes, if it did */
  public static void write(
      ApplyResult r, java.util.Optional<String> stopped, PrintWriter out, PrintWriter err) {
    out.println();
    if (r.succeeded() && stopped.isEmpty()) {
      out.println("Apply complete! " + counts(r) + ".");
      return;
    }
    List<ChangeOutcome> failed = r.with(ChangeOutcome.Status.FAILED);
    List<ChangeOutcome> blocked = r.with(ChangeOutcome.Status.BLOCKED);
    List<ChangeOutcome> skipped = r.with(ChangeOutcome.Status.SKIPPED);
    List<ChangeOutcome> notStarted = r.with(ChangeOutcome.Status.NOT_STARTED);
    StringBuilder head = new StringBuilder("Apply ");
    head.append(stopped.isPresent() ? "stopped" : failed.isEmpty() ? "blocked" : "failed");
    stopped.ifPresent(why -> head.append(", ").append(why));
    head.append(": ");
    head.append(failed.size()).append(" failed, ");
    head.append(blocked.size()).append(" blocked by safety rules, ");
    head.append(skipped.size()).append(" skipped");
    if (!notStarted.isEmpty()) {
      head.append(", ").append(notStarted.size()).append(" not started");
    }
    head.append(" of ").append(Counts.of(r.outcomes().size(), "change")).append("; done: ")
        .append(counts(r)).append('.');
    out.println(head);
    for (ChangeOutcome o : failed) {
      err.println("Error: " + o.address() + " (" + o.action().jsonName() + "): " + o.message());
    }
    for (ChangeOutcome o : blocked) {
      err.println("Blocked: " + o.address() + " (" + o.action().jsonName() + "): " + o.message());
    }
    if (!skipped.isEmpty()) {
      err.println(
          skipped.size() + (skipped.size() == 1 ? " change was" : " changes were")
              + " skipped because a change they wait for did not succeed.");
    }
    if (stopped.isPresent()) {
      err.println("Changes that completed are kept; run apply again (once the cause is gone): it"
          + " only does what is still missing.");
      err.flush();
      return;
    }
    err.println(
        failed.isEmpty()
            ? "Blocked changes were not made: wait until the ECS deployments finish, then run apply"
                + " again."
            : "Changes that completed are kept; fix the errors and run apply again: it only does"
                + " what is still missing.");
    err.flush();
  }
}

package dev.rolectl.cli.render.plan;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.plan.Plan;

/**
 * The words for a plan with errors ({@link Plan#errored()}): it is incomplete and cannot be
 * applied, which its first line says, never "No changes". Shared by the text and Markdown plans.
 */
final class PlanErrors {
  private PlanErrors() {}

  /** {@code Plan incomplete: 1 error, so this plan cannot be applied until it is fixed}. */
  static String headline(Plan plan) {
    int n = plan.errors().size();
    return "Plan incomplete: " + Counts.of(n, "error") + ", so this plan cannot be"
        + " applied until " + (n == 1 ? "it is" : "they are") + " fixed";
  }

  /** {@code roles.mine at odd.yaml:4:3 [live-unreadable]}: what an error concerns, and where. */
  static String where(Diagnostic d) {
    String at = d.location() != null ? d.location().toString() : null;
    String what = d.address() != null
        ? d.address().value() + (at != null ? " at " + at : "")
        : at;
    return what + " [" + d.rule() + "]";
  }

  /** What the part that could be planned holds, for a plan without effective changes. */
  static String rest(Plan plan) {
    int n = plan.changes().size();
    return n == 0
        ? "Nothing else could be planned (0 resources)."
        : "The other " + Counts.of(n, "resource") + " of the stack match live IAM.";
  }

  /** Introduces the changes of an incomplete plan. */
  static final String CHANGES_INTRO = "Without what the errors concern, rolectl would perform the"
      + " following actions (apply makes none of them until the errors are fixed):";

  /** The closing line of an incomplete plan with changes. */
  static String closing(Plan plan) {
    return "Plan incomplete: " + Counts.of(plan.errors().size(), "error")
        + " (see above); apply will make none of these changes.";
  }
}

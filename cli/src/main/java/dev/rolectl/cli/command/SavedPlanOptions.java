package dev.rolectl.cli.command;

import java.util.List;

/**
 * Options of {@code apply} that a saved plan does not use: refused rather than silently ignored,
 * since the plan fixed the stack, its variables and its accounts when it was made.
 */
final class SavedPlanOptions {
  /**
   * Options that shape a plan, besides those that resolve the stack ({@code --var},
   * {@code --var-file}, {@code --account-id}, {@code --partition}: refused by {@link
   * StackOptions#refuseForSavedPlan}); a saved plan was made with them already.
   */
  static final List<String> PLAN_ONLY = List.of("--adopt", "--shard", "--ou", "--accounts",
      "--accounts-file", "--organization");

  private SavedPlanOptions() {}

  /**
   * Refuses what does not apply to a saved plan made against {@code planTarget}: the options that
   * shape a plan, the options of several accounts for a one-account plan, and a {@code --target}
   * of another kind ({@code aws}, {@code local:}, {@code snapshot:}) than the plan's (a plan made
   * against a snapshot goes to {@code aws}, the account the snapshot was taken of).
   *
   * @throws UserError naming the options and what to do
   */
  static void check(ApplyCommand c, String planTarget, boolean multi) {
    // a multi-account plan whose accounts name no role takes their partition from --partition;
    // MultiAccountApply refuses it where they do
    c.stack.refuseForSavedPlan(multi);
    List<String> found = c.accountsOptions.matched(PLAN_ONLY);
    if (!found.isEmpty()) {
      throw new UserError(String.join(", ", found) + ": " + c.stack.path() + " is a saved"
          + " plan, made with its stack, variables and accounts fixed; apply it without "
          + (found.size() == 1 ? "this option" : "these options") + ", or plan again with "
          + (found.size() == 1 ? "it" : "them") + " ('rolectl plan STACK ... --out FILE')");
    }
    if (!multi) {
      c.accountsOptions.refuseWithoutAccounts();
    }
    String target = c.targetOptions.target;
    // a plan made against a snapshot (read-only) is applied to the account it was taken of
    boolean fromSnapshot = kind(planTarget).equals("snapshot") && kind(target == null ? "" : target)
        .equals("aws");
    if (target != null && !kind(target).equals(kind(planTarget)) && !fromSnapshot) {
      throw new UserError("--target " + target + ": " + c.stack.path() + " was planned against "
          + planTarget + ", and a plan is applied only to the kind of target it was made"
          + " against; drop --target, or plan again against " + target);
    }
  }

  /** {@code aws}, {@code local} or {@code snapshot}. */
  static String kind(String spec) {
    int colon = spec.indexOf(':');
    return colon < 0 ? spec : spec.substring(0, colon);
  }
}

package dev.rolectl.cli;

/** Process exit codes (README.md, "Exit codes"; docs/apply.md, "Exit codes"). */
public final class ExitCode {
  /** Success; for plan, no changes. */
  public static final int OK = 0;
  /** An error: bad input, failed call, refused operation. */
  public static final int ERROR = 1;
  /** Changes present (only with {@code --detailed-exitcode}). */
  public static final int CHANGES = 2;
  /** Blocked by a safety rule. */
  public static final int BLOCKED = 3;
  /**
   * {@code apply --require-approval}: the plan needs a person's approval (it grants new access,
   * or changes anything with {@code any-change}) and got none: no terminal to ask, or an {@code
   * --approve-broadening} digest that names another plan. Nothing was changed.
   */
  public static final int APPROVAL_REQUIRED = 4;

  private ExitCode() {}
}

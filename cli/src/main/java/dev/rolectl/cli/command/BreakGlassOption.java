package dev.rolectl.cli.command;

import dev.rolectl.engine.api.AccountAccess;
import dev.rolectl.engine.api.BreakGlass;
import dev.rolectl.engine.live.TargetOptions;

/**
 * {@code apply --break-glass REASON}: the reason checked, the options it does not go with
 * refused, the loud warning, the role session name, and the user agent of the aws target's
 * calls ({@link BreakGlass}).
 */
final class BreakGlassOption {
  private BreakGlassOption() {}

  /**
   * The checked reason of {@code --break-glass} ({@code null} when not given), after saying
   * loudly what it does and setting the role session name.
   *
   * @throws UserError for a bad reason, or with {@code --wait-for-deployments} or {@code
   *     --session-name}
   */
  static String check(ApplyCommand c) {
    if (c.breakGlass == null) {
      return null;
    }
    String reason;
    try {
      reason = BreakGlass.check(c.breakGlass);
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage());
    }
    if (!c.waitForDeployments.isZero()) {
      throw new UserError("--break-glass and --wait-for-deployments: choose one (break glass"
          + " makes blocked changes at once; waiting makes them once the deployments are over)");
    }
    if (!c.accountsOptions.sessionName.equals(AccountAccess.DEFAULT_SESSION_NAME)) {
      throw new UserError("--session-name and --break-glass: with --break-glass the role session"
          + " name is " + BreakGlass.sessionName(reason) + " (so that CloudTrail shows it); drop"
          + " --session-name");
    }
    c.accountsOptions.sessionName = BreakGlass.sessionName(reason);
    String warning = "BREAK GLASS: --break-glass makes the changes that the ECS and EC2 safety"
        + " rules block (a deployment in progress, a role that ECS tasks or EC2 instances use,"
        + " ECS or EC2 that cannot be read): they may break running services and instances."
        + " Protected resources stay protected. Reason, recorded in the output and in CloudTrail"
        + " (user agent " + BreakGlass.userAgent(reason) + ", role session "
        + c.accountsOptions.sessionName + "): " + reason;
    if (c.jsonOut() != null) {
      c.jsonOut().message("warning", warning);
    } else {
      c.err().println("WARNING: " + warning);
      c.err().flush();
    }
    return reason;
  }

  /** The options with the reason in the user agent; as they are without one. */
  static TargetOptions options(TargetOptions options, String reason) {
    return reason == null ? options : options.withUserAgent(BreakGlass.userAgent(reason));
  }
}

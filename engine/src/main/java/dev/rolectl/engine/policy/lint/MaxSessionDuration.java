package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;

/** maxSessionDuration outside 3600..43200 seconds. */
final class MaxSessionDuration implements LintRule {
  static final RuleInfo INFO = new RuleInfo("max-session-duration", Severity.ERROR,
      "maxSessionDuration outside 3600..43200 seconds");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (Role r : ctx.roles()) {
      int d = r.maxSessionDuration();
      if (d < Quotas.MIN_SESSION || d > Quotas.MAX_SESSION) {
        ctx.report(this, r, LintContext.rolePointer(r) + "/maxSessionDuration", "role "
            + r.name() + " has maxSessionDuration " + d + "; IAM accepts 3600 (1 hour) to "
            + "43200 (12 hours) seconds: pick a value in that range");
      }
    }
  }
}

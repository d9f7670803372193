package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.Set;

/** Allow with NotAction: grants every action but a few, including future ones. */
final class AllowNotAction implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("allow-not-action", Severity.WARNING,
      "Allow statement with NotAction grants every other action, including future ones");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<PolicySite.Kind> kinds() {
    return PolicySite.Kind.IDENTITY;
  }

  @Override
  public void check(LintContext ctx, PolicySite site, int index, Statement s) {
    if (s.isAllow() && !s.notAction().isEmpty()) {
      ctx.report(this, site.resource(), site.statement(index, "NotAction"),
          Statements.name(site, index, s) + " allows every action except "
              + String.join(", ", s.notAction()) + ", including actions AWS adds later. List "
              + "the actions it needs in Action instead (or use NotAction only in a Deny)");
    }
  }
}

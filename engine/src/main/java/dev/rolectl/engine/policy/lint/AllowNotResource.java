package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.Set;

/** Allow with NotResource: grants on every resource but a few. */
final class AllowNotResource implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("allow-not-resource", Severity.WARNING,
      "Allow statement with NotResource grants on every other resource");

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
    if (s.isAllow() && !s.notResource().isEmpty()) {
      ctx.report(this, site.resource(), site.statement(index, "NotResource"),
          Statements.name(site, index, s) + " allows its actions on every resource except "
              + String.join(", ", s.notResource()) + ", including ones created later. List "
              + "the resources in Resource instead (or use NotResource only in a Deny)");
    }
  }
}

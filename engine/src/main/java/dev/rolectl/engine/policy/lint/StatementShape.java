package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.Set;

/** Statements IAM rejects for their kind: no Resource in an identity policy, one in a trust. */
final class StatementShape implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("statement-shape", Severity.ERROR,
      "identity policy statement without Resource, or trust policy statement with one");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<PolicySite.Kind> kinds() {
    return PolicySite.Kind.ALL;
  }

  @Override
  public void check(LintContext ctx, PolicySite site, int index, Statement s) {
    boolean hasResource = !s.resource().isEmpty() || !s.notResource().isEmpty();
    if (site.kind() == PolicySite.Kind.TRUST && hasResource) {
      String element = s.resource().isEmpty() ? "NotResource" : "Resource";
      ctx.report(this, site.resource(), site.statement(index, element),
          Statements.name(site, index, s) + " has " + element + ", which IAM rejects in a "
              + "trust policy: remove it (the resource is the role itself)");
    } else if (site.kind() != PolicySite.Kind.TRUST && !hasResource) {
      ctx.report(this, site.resource(), site.statement(index),
          Statements.name(site, index, s) + " has no Resource, which IAM requires in an "
              + "identity policy: add Resource with the ARNs it applies to (or \"*\")");
    }
  }
}

package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.IamPatterns;
import java.util.Set;

/** iam:PassRole on every role: Resource "*", NotResource, or via NotAction on "*". */
final class PassRoleWildcardResource implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("passrole-wildcard-resource", Severity.WARNING,
      "iam:PassRole allowed on every role (Resource \"*\", NotResource, or NotAction on \"*\")");

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
    if (!s.isAllow() || !IamPatterns.coversAction(s, Statements.PASS_ROLE)
        || !Statements.wideResource(s)) {
      return;
    }
    String scope = s.notResource().isEmpty()
        ? "on Resource \"*\"" : "on every role not listed in NotResource";
    ctx.report(this, site.resource(), site.statement(index, Statements.wideResourceElement(s)),
        Statements.name(site, index, s) + " allows iam:PassRole " + scope + " (through "
            + Statements.via(s, Statements.PASS_ROLE) + "): its holder can hand any role, "
            + "including admin roles, to a service. Allow iam:PassRole in its own statement with "
            + "Resource set to the roles it must pass, e.g. ${roles.NAME.arn}");
  }
}

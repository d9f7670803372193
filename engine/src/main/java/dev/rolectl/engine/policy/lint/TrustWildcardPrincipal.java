package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.Set;

/** A trust policy that lets anyone assume the role, without a condition. */
final class TrustWildcardPrincipal implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("trust-wildcard-principal", Severity.ERROR,
      "trust policy allows the \"*\" principal (or AWS: \"*\") without a condition");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<PolicySite.Kind> kinds() {
    return Set.of(PolicySite.Kind.TRUST);
  }

  @Override
  public void check(LintContext ctx, PolicySite site, int index, Statement s) {
    if (!s.isAllow() || !Statements.anyone(s.principal()) || !s.condition().isEmpty()) {
      return;
    }
    ctx.report(this, site.resource(), site.statement(index, "Principal"),
        Statements.name(site, index, s) + " lets any principal of any AWS account assume the "
            + "role. Name the principals that need it (e.g. {Service: ecs.amazonaws.com} or "
            + "{AWS: arn:aws:iam::ACCOUNT:role/NAME}), or add a Condition such as "
            + "aws:PrincipalOrgID");
  }
}

package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.Set;

/** NotPrincipal in a role trust policy, which IAM does not support there. */
final class TrustNotPrincipal implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("trust-not-principal", Severity.ERROR,
      "NotPrincipal in a role trust policy (IAM refuses it there)");

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
    if (s.notPrincipal() != null) {
      ctx.report(this, site.resource(), site.statement(index, "NotPrincipal"),
          Statements.name(site, index, s) + " has NotPrincipal, which IAM does not support in "
          + "a role trust policy and refuses: name the principals that may assume the role in "
          + "Principal (and use a Deny statement with a condition to exclude some)");
    }
  }
}

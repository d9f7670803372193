package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;

/** A trust policy longer than the IAM default quota. */
final class TrustPolicySize implements LintRule {
  static final RuleInfo INFO = new RuleInfo("trust-policy-size", Severity.ERROR,
      "trust policy longer than 2,048 characters (whitespace not counted)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (Role r : ctx.roles()) {
      int size = Quotas.size(r.trustPolicy());
      if (size > Quotas.TRUST_POLICY) {
        ctx.report(this, r, LintContext.rolePointer(r) + "/trustPolicy", "the trust policy of "
            + "role " + r.name() + " is " + Quotas.n(size) + " characters (whitespace not "
            + "counted); IAM's default quota is " + Quotas.n(Quotas.TRUST_POLICY) + ". Shorten "
            + "it (merge statements, list principals in one statement), or ask AWS to raise the "
            + "IAM quota 'Role trust policy length' in Service Quotas (up to "
            + Quotas.n(Quotas.TRUST_POLICY_MAX) + ")");
      }
    }
  }
}

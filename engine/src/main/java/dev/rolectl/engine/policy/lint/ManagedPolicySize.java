package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Severity;

/** A customer managed policy longer than IAM allows. */
final class ManagedPolicySize implements LintRule {
  static final RuleInfo INFO = new RuleInfo("managed-policy-size", Severity.ERROR,
      "customer managed policy longer than 6,144 characters (whitespace not counted)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    ctx.stack().resources(ManagedPolicy.class).forEach(p -> {
      int size = Quotas.size(p.document());
      if (size > Quotas.MANAGED_POLICY) {
        ctx.report(this, p, LintContext.policyPointer(p) + "/document", "managed policy "
            + p.name() + " is " + Quotas.n(size) + " characters (whitespace not counted); IAM "
            + "allows " + Quotas.n(Quotas.MANAGED_POLICY) + " and this cannot be raised. Split "
            + "it into two policies, or use wildcards where they do not widen access");
      }
    });
  }
}

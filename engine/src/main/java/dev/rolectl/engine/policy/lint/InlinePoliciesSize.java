package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import java.util.List;

/** A role's inline policies longer, together, than IAM allows. */
final class InlinePoliciesSize implements LintRule {
  static final RuleInfo INFO = new RuleInfo("inline-policies-size", Severity.ERROR,
      "inline policies of a role longer than 10,240 characters in total");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (Role r : ctx.roles()) {
      List<InlinePolicy> inline = ctx.inlinePolicies(r);
      int total = inline.stream().mapToInt(p -> Quotas.size(p.document())).sum();
      if (total > Quotas.INLINE_POLICIES_PER_ROLE) {
        ctx.report(this, r, LintContext.rolePointer(r) + "/inlinePolicies", "the "
            + inline.size() + " inline policies of role " + r.name() + " are " + Quotas.n(total)
            + " characters together (whitespace not counted); IAM allows "
            + Quotas.n(Quotas.INLINE_POLICIES_PER_ROLE) + " per role and this cannot be raised. "
            + "Move some statements into customer managed policies and attach them");
      }
    }
  }
}

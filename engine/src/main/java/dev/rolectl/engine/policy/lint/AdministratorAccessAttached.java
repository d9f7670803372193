package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Severity;

/** The AWS managed AdministratorAccess policy attached to a role. */
final class AdministratorAccessAttached implements LintRule {
  static final RuleInfo INFO = new RuleInfo("administrator-access-attached", Severity.WARNING,
      "the AWS managed policy AdministratorAccess is attached to a role");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (Role r : ctx.roles()) {
      for (RolePolicyAttachment a : ctx.attachments(r)) {
        if (a.policyArn().matches("arn:[a-z-]+:iam::aws:policy/AdministratorAccess")) {
          ctx.report(this, a.address(), a.location(), "role " + r.name() + " has "
              + a.policyArn() + " attached, which allows every action on every resource. "
              + "Attach policies that grant only what the role needs");
        }
      }
    }
  }
}

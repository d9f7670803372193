package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Set;

/** Actions that change permissions, allowed on every resource. */
final class PermissionsManagementWildcard implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("permissions-management-wildcard", Severity.WARNING,
      "permissions-management actions (iam:Put*Policy, iam:Attach*Policy, "
          + "iam:CreatePolicyVersion, iam:UpdateAssumeRolePolicy) allowed on Resource \"*\"");

  static final List<String> ACTIONS = List.of(
      "iam:PutRolePolicy", "iam:PutUserPolicy", "iam:PutGroupPolicy",
      "iam:AttachRolePolicy", "iam:AttachUserPolicy", "iam:AttachGroupPolicy",
      "iam:CreatePolicyVersion", "iam:UpdateAssumeRolePolicy");

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
    if (!s.isAllow() || !Statements.wideResource(s)) {
      return;
    }
    List<String> covered = Statements.covered(s, ACTIONS);
    if (covered.isEmpty()) {
      return;
    }
    ctx.report(this, site.resource(), site.statement(index, Statements.wideResourceElement(s)),
        Statements.name(site, index, s) + " allows " + String.join(", ", covered)
            + " on every resource, which lets its holder grant itself any permission. Restrict "
            + "Resource to the specific role, user, group or policy ARNs it must manage");
  }
}

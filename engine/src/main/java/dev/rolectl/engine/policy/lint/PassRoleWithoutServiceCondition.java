package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.IamPatterns;
import java.util.Set;

/** iam:PassRole without an iam:PassedToService condition. */
final class PassRoleWithoutServiceCondition implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("passrole-without-service-condition",
      Severity.WARNING, "iam:PassRole allowed without an iam:PassedToService condition");

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
        || Statements.hasConditionKey(s, "iam:passedtoservice"::equals)) {
      return;
    }
    ctx.report(this, site.resource(), site.statement(index),
        Statements.name(site, index, s) + " allows iam:PassRole (through "
            + Statements.via(s, Statements.PASS_ROLE) + ") without an iam:PassedToService "
            + "condition, so the role can be passed to any service. Add Condition: "
            + "{StringEquals: {iam:PassedToService: SERVICE.amazonaws.com}}, e.g. "
            + "ecs.amazonaws.com");
  }
}

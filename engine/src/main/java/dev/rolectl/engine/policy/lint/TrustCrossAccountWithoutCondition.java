package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A trust policy granting a whole other account without a narrowing condition. */
final class TrustCrossAccountWithoutCondition implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("trust-cross-account-without-condition",
      Severity.WARNING, "trust policy admits a whole other account without an sts:ExternalId, "
          + "aws:PrincipalArn or aws:PrincipalOrgID condition");

  private static final List<String> KEYS = List.of("sts:externalid", "aws:principalarn",
      "aws:principalorgid", "aws:principalorgpaths", "aws:userid");

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
    if (!s.isAllow() || s.principal() == null
        || Statements.hasConditionKey(s, k -> KEYS.contains(k)
            || k.startsWith("aws:principaltag/"))) {
      return;
    }
    Set<String> others = new LinkedHashSet<>();
    for (String v : s.principal().values("AWS")) {
      String account = Statements.wholeAccount(v);
      if (account != null && !account.equals(ctx.stack().accountId())) {
        others.add(account);
      }
    }
    if (others.isEmpty()) {
      return;
    }
    ctx.report(this, site.resource(), site.statement(index, "Principal", "AWS"),
        Statements.name(site, index, s) + " lets any principal of account "
            + String.join(", ", others) + " that its own IAM policies allow assume the role. "
            + "Add a Condition on sts:ExternalId (for a third party), aws:PrincipalArn or "
            + "aws:PrincipalOrgID, or name the specific roles instead of the account");
  }
}

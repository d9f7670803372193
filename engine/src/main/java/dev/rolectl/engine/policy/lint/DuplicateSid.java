package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Two statements of one document with the same Sid, which IAM rejects. */
final class DuplicateSid implements LintRule {
  static final RuleInfo INFO = new RuleInfo("duplicate-sid", Severity.ERROR,
      "two statements of one policy have the same Sid");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (PolicySite site : ctx.sites()) {
      Map<String, Integer> first = new HashMap<>();
      List<Statement> statements = site.document().statements();
      for (int i = 0; i < statements.size(); i++) {
        String sid = statements.get(i).sid();
        if (sid == null || sid.isEmpty()) {
          continue;
        }
        Integer earlier = first.putIfAbsent(sid, i);
        if (earlier != null) {
          ctx.report(this, site.resource(), site.statement(i, "Sid"), "statements " + earlier
              + " and " + i + " of " + site.description() + " both have Sid '" + sid
              + "': Sids must be unique within a policy, rename one");
        }
      }
    }
  }
}

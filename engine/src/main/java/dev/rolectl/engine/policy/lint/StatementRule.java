package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Set;

/** A rule that looks at the statements of some kinds of policy document, one at a time. */
interface StatementRule extends LintRule {
  /** The kinds of document this rule looks at. */
  Set<PolicySite.Kind> kinds();

  void check(LintContext ctx, PolicySite site, int index, Statement statement);

  @Override
  default void check(LintContext ctx) {
    for (PolicySite site : ctx.sites()) {
      if (kinds().contains(site.kind())) {
        List<Statement> statements = site.document().statements();
        for (int i = 0; i < statements.size(); i++) {
          check(ctx, site, i, statements.get(i));
        }
      }
    }
  }
}

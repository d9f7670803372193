package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Action and NotAction values that are not {@code service:action} patterns. */
final class MalformedAction implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("malformed-action", Severity.ERROR,
      "Action or NotAction value that is not \"*\" or service:action");

  private static final Pattern ACTION = Pattern.compile("\\*|[A-Za-z0-9-]+:[A-Za-z0-9*?]+");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<PolicySite.Kind> kinds() {
    return PolicySite.Kind.ALL;
  }

  @Override
  public void check(LintContext ctx, PolicySite site, int index, Statement s) {
    check(ctx, site, index, s, "Action", s.action());
    check(ctx, site, index, s, "NotAction", s.notAction());
  }

  private void check(LintContext ctx, PolicySite site, int index, Statement s, String element,
      List<String> values) {
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      if (!ACTION.matcher(v).matches()) {
        String pointer = values.size() == 1
            ? site.statement(index, element) : site.statement(index, element, String.valueOf(i));
        ctx.report(this, site.resource(), pointer, Statements.name(site, index, s) + " has "
            + element + " '" + v + "', which is not an action: write service:Action, e.g. "
            + "s3:GetObject (letters and digits, with * or ? as wildcards after the colon)");
      }
    }
  }
}

package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.model.Suggest;
import dev.rolectl.engine.policy.catalogue.IamCatalogue;
import dev.rolectl.engine.policy.catalogue.IamService;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Action and NotAction values checked against the IAM service reference. IAM accepts actions it
 * does not know (AWS's own managed policies name retired services), so these are warnings: such
 * a value can never match a request.
 */
final class ActionCatalogue {
  private ActionCatalogue() {}

  /** A service prefix the service reference does not have. */
  static final class UnknownService implements StatementRule {
    static final RuleInfo INFO = new RuleInfo("unknown-service", Severity.WARNING,
        "action whose service prefix is not in the IAM service reference (it can never match)");

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
      each(s, (element, i, value, prefix, name) -> {
        if (IamCatalogue.get().service(prefix).isEmpty()) {
          ctx.report(this, site.resource(), pointer(site, index, s, element, i),
              Statements.name(site, index, s) + " has " + element + " '" + value + "', but no "
              + "AWS service has the prefix '" + prefix + "', so it can never match"
              + Statements.didYouMean(prefix, IamCatalogue.get().prefixes())
              + " (IAM service reference " + IamCatalogue.get().info().date() + ")");
        }
      });
    }
  }

  /** A known service but no action of that name, or a wildcard that matches none. */
  static final class UnknownAction implements StatementRule {
    static final RuleInfo INFO = new RuleInfo("unknown-action", Severity.WARNING,
        "action (or wildcard) that matches no action of its service (it can never match)");

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
      each(s, (element, i, value, prefix, name) -> {
        Optional<IamService> service = IamCatalogue.get().service(prefix);
        if (service.isEmpty() || !service.get().matching(name).isEmpty()) {
          return;
        }
        String suggestion = Suggest.closest(name, service.get().actionNames())
            .map(n -> "; did you mean '" + service.get().prefix() + ":" + n + "'?").orElse("");
        ctx.report(this, site.resource(), pointer(site, index, s, element, i),
            Statements.name(site, index, s) + " has " + element + " '" + value + "', which "
            + "matches no action of " + service.get().prefix() + ", so it can never match"
            + suggestion + " (IAM service reference " + IamCatalogue.get().info().date() + ")");
      });
    }
  }

  interface ActionVisitor {
    void visit(String element, int i, String value, String prefix, String name);
  }

  /** Every well-formed {@code prefix:name} value of Action and NotAction. */
  static void each(Statement s, ActionVisitor v) {
    visit("Action", s.action(), v);
    visit("NotAction", s.notAction(), v);
  }

  private static void visit(String element, List<String> values, ActionVisitor v) {
    for (int i = 0; i < values.size(); i++) {
      String value = values.get(i);
      int colon = value.indexOf(':');
      boolean wellFormed = colon > 0 && colon == value.lastIndexOf(':')
          && colon < value.length() - 1 && noWildcard(value.substring(0, colon));
      if (wellFormed) {
        v.visit(element, i, value, value.substring(0, colon), value.substring(colon + 1));
      }
    }
  }

  /** Whether a text has no IAM wildcard ({@code *}, {@code ?}) and no variable ({@code $}). */
  static boolean noWildcard(String text) {
    return text.indexOf('*') < 0 && text.indexOf('?') < 0 && text.indexOf('$') < 0;
  }

  static String pointer(PolicySite site, int index, Statement s, String element, int i) {
    List<String> values = element.equals("Action") ? s.action() : s.notAction();
    return values.size() == 1
        ? site.statement(index, element) : site.statement(index, element, String.valueOf(i));
  }
}

package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.catalogue.IamCatalogue;
import dev.rolectl.engine.policy.catalogue.IamService;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Condition operators and condition keys checked against IAM's grammar and service reference. */
final class ConditionCatalogue {
  /** IAM's condition operators (IAM User Guide, "IAM JSON policy elements: Condition operators"). */
  static final List<String> OPERATORS = List.of(
      "StringEquals", "StringNotEquals", "StringEqualsIgnoreCase", "StringNotEqualsIgnoreCase",
      "StringLike", "StringNotLike", "NumericEquals", "NumericNotEquals", "NumericLessThan",
      "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals", "DateEquals",
      "DateNotEquals", "DateLessThan", "DateLessThanEquals", "DateGreaterThan",
      "DateGreaterThanEquals", "Bool", "BinaryEquals", "IpAddress", "NotIpAddress", "ArnEquals",
      "ArnLike", "ArnNotEquals", "ArnNotLike", "Null");

  private ConditionCatalogue() {}

  /** Why an operator is not one IAM accepts, or {@code null} when it is. */
  static String operatorProblem(String op) {
    String base = op;
    for (String set : List.of("ForAllValues:", "ForAnyValue:")) {
      if (base.startsWith(set)) {
        base = base.substring(set.length());
      }
    }
    boolean ifExists = base.endsWith("IfExists") && !base.equals("IfExists");
    if (ifExists) {
      base = base.substring(0, base.length() - "IfExists".length());
    }
    if (!OPERATORS.contains(base)) {
      return "is not a condition operator";
    }
    if (ifExists && base.equals("Null")) {
      return "is not a condition operator (Null already tests whether the key is present; "
          + "IfExists cannot be added to it)";
    }
    return null;
  }

  /** All spellings IAM accepts, for suggestions. */
  static List<String> allOperators() {
    List<String> out = new ArrayList<>();
    for (String prefix : List.of("", "ForAllValues:", "ForAnyValue:")) {
      for (String op : OPERATORS) {
        out.add(prefix + op);
        if (!op.equals("Null")) {
          out.add(prefix + op + "IfExists");
        }
      }
    }
    return out;
  }

  /** An operator IAM does not know: IAM refuses the whole document. */
  static final class UnknownOperator implements StatementRule {
    static final RuleInfo INFO = new RuleInfo("unknown-condition-operator", Severity.ERROR,
        "condition operator that IAM does not accept (IAM refuses the document)");

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
      for (String op : s.condition().keySet()) {
        String problem = operatorProblem(op);
        if (problem != null) {
          ctx.report(this, site.resource(), site.statement(index, "Condition", op),
              Statements.name(site, index, s) + " has condition operator '" + op + "', which "
              + problem + ", so IAM refuses the policy"
              + Statements.didYouMean(op, allOperators())
              + " (operators are case-sensitive: StringEquals, StringLike, ArnLike, Bool, "
              + "IpAddress... optionally with IfExists, ForAllValues: or ForAnyValue:)");
        }
      }
    }
  }

  /** A condition key that no service defines: the condition can never be met. */
  static final class UnknownKey implements StatementRule {
    static final RuleInfo INFO = new RuleInfo("unknown-condition-key", Severity.WARNING,
        "condition key that is neither global nor defined by its service (it is never present)");

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
      for (Map.Entry<String, Map<String, List<String>>> op : s.condition().entrySet()) {
        for (String key : op.getValue().keySet()) {
          String problem = keyProblem(key);
          if (problem != null) {
            ctx.report(this, site.resource(), site.statement(index, "Condition", op.getKey(),
                key), Statements.name(site, index, s) + " has condition key '" + key + "', "
                + problem + " (IAM service reference " + IamCatalogue.get().info().date() + ")");
          }
        }
      }
    }

    /** Why a key is unknown, with a suggestion, or {@code null} when it is known. */
    static String keyProblem(String key) {
      int colon = key.indexOf(':');
      if (colon <= 0) {
        return "which has no service prefix (write prefix:key, e.g. aws:SourceAccount), so it "
            + "is never present in a request";
      }
      String prefix = key.substring(0, colon);
      IamCatalogue catalogue = IamCatalogue.get();
      if (prefix.equalsIgnoreCase("aws")) {
        return catalogue.isGlobalKey(key) ? null : "which is not a global condition key, so it "
            + "is never present" + Statements.didYouMean(key, catalogue.globalKeys());
      }
      if (prefix.contains(".") || prefix.equalsIgnoreCase("saml")) {
        return null; // keys of identity providers (accounts.google.com:aud, saml:sub)
      }
      Optional<IamService> service = catalogue.service(prefix);
      if (service.isEmpty()) {
        return "whose prefix '" + prefix + "' is no AWS service, so it is never present"
            + Statements.didYouMean(prefix, catalogue.prefixes());
      }
      if (service.get().hasConditionKey(key)) {
        return null;
      }
      return "which " + service.get().prefix() + " does not define, so it is never present"
          + Statements.didYouMean(key, service.get().conditionKeys());
    }
  }
}

package dev.rolectl.engine.access;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Compiles policy documents into {@link Rule}s for one principal. */
final class Rules {
  private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

  private Rules() {}

  /**
   * The statements of {@code document}, with the policy variables of {@code keys} (the
   * principal's own, e.g. {@code aws:username}) filled in. A statement whose Effect is neither
   * Allow nor Deny is left out (IAM refuses such a document).
   */
  static List<Rule> compile(PolicyDocument document, String source, Map<String, String> keys) {
    List<Rule> out = new ArrayList<>();
    for (Statement s : document.statements()) {
      NormalizedStatement n = NormalizedStatement.of(s);
      if (!n.effect().equals("Allow") && !n.effect().equals("Deny")) {
        continue;
      }
      List<String> unknowns = new ArrayList<>();
      List<String> resources = fill(n.resource(), keys, unknowns, "Resource");
      List<String> notResources = fill(n.notResource(), keys, unknowns, "NotResource");
      List<Clause> clauses = new ArrayList<>();
      n.condition().forEach((op, byKey) -> byKey.forEach((key, values) -> {
        List<String> filled = new ArrayList<>();
        for (String v : values) {
          String f = fill(v, keys);
          filled.add(f == null ? v : f);
        }
        clauses.add(new Clause(op, key, filled));
      }));
      boolean notResource = n.resource().isEmpty() && !n.notResource().isEmpty();
      out.add(new Rule(n.effect().equals("Allow"), n.action().isEmpty() ? n.notAction() : n.action(),
          n.action().isEmpty() && !n.notAction().isEmpty(),
          notResource ? notResources : resources.isEmpty() && n.notResource().isEmpty()
              ? List.of("*") : resources,
          notResource, n.principal(), n.notPrincipal(), clauses, unknowns, source));
    }
    return out;
  }

  /**
   * Patterns with variables filled in; one that keeps a variable becomes {@code *} (it may match
   * anything) and is named in {@code unknowns}.
   */
  private static List<String> fill(List<String> patterns, Map<String, String> keys,
      List<String> unknowns, String element) {
    List<String> out = new ArrayList<>();
    for (String p : patterns) {
      String f = fill(p, keys);
      if (f == null) {
        unknowns.add(element + " " + p + " (a policy variable without a known value)");
        out.add("*");
      } else {
        out.add(f);
      }
    }
    return out;
  }

  /** The text with {@code ${key}} replaced by the key's value; {@code null} if one is unknown. */
  static String fill(String text, Map<String, String> keys) {
    if (!text.contains("${")) {
      return text;
    }
    Matcher m = VARIABLE.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = keys.get(m.group(1).trim().toLowerCase(Locale.ROOT));
      if (value == null || Glob.isPattern(value)) {
        return null;
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    m.appendTail(out);
    return out.toString();
  }
}

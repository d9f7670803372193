package dev.rolectl.engine.access;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Statement;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiled documents, shared by the views before and after a plan: a document without policy
 * variables compiles the same for every principal, so a customer managed policy attached to a
 * thousand roles is compiled once (per document object: unchanged documents are the same object
 * in both views).
 */
final class RuleCache {
  /** Per document: its rules by source; {@link #VARIABLES} for a document with variables. */
  private final Map<PolicyDocument, Map<String, List<Rule>>> compiled = new IdentityHashMap<>();
  private static final Map<String, List<Rule>> VARIABLES = Map.of();

  List<Rule> compile(PolicyDocument document, String source, Map<String, String> keys) {
    Map<String, List<Rule>> bySource = compiled.get(document);
    if (bySource == null) {
      bySource = hasVariables(document) ? VARIABLES : new HashMap<>();
      compiled.put(document, bySource);
    }
    if (bySource == VARIABLES) {
      return Rules.compile(document, source, keys);
    }
    return bySource.computeIfAbsent(source, s -> Rules.compile(document, s, Map.of()));
  }

  private final Map<PolicyDocument, Map<String, Boolean>> mayAllow = new IdentityHashMap<>();

  /**
   * Whether some Allow of the document may cover the (lower-case) action, whatever its
   * resources and conditions: the first filter of who is worth asking.
   */
  boolean mayAllow(PolicyDocument document, String action) {
    return mayAllow.computeIfAbsent(document, d -> new HashMap<>()).computeIfAbsent(action,
        a -> Rules.compile(document, "", Map.of()).stream()
            .anyMatch(r -> r.allow() && r.coversAction(a)));
  }

  private static boolean hasVariables(PolicyDocument d) {
    for (Statement s : d.statements()) {
      if (s.resource().stream().anyMatch(r -> r.contains("${"))
          || s.notResource().stream().anyMatch(r -> r.contains("${"))) {
        return true;
      }
      for (Map<String, List<String>> keys : s.condition().values()) {
        for (List<String> values : keys.values()) {
          if (values.stream().anyMatch(v -> v.contains("${"))) {
            return true;
          }
        }
      }
    }
    return false;
  }
}

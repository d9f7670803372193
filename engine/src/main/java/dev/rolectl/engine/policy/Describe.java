package dev.rolectl.engine.policy;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Short descriptions of tree values and key lists for problem messages. */
final class Describe {
  private Describe() {}

  /** "a number (42)", "an object", "a list", "null", "true", "the string 'x'". */
  static String value(Object v) {
    if (v == null) {
      return "null";
    }
    if (v instanceof String s) {
      return "'" + s + "'";
    }
    if (v instanceof Boolean b) {
      return "the boolean " + b;
    }
    if (v instanceof Number n) {
      return "the number " + n;
    }
    if (v instanceof Map<?, ?>) {
      return "an object";
    }
    if (v instanceof List<?>) {
      return "a list";
    }
    return "a " + v.getClass().getSimpleName().toLowerCase(Locale.ROOT);
  }

  /** "A, B or C". */
  static String oneOf(Collection<String> names) {
    List<String> l = List.copyOf(names);
    if (l.size() == 1) {
      return l.get(0);
    }
    return String.join(", ", l.subList(0, l.size() - 1)) + " or " + l.get(l.size() - 1);
  }

  /** An unknown-key message naming the allowed keys and a likely intended one. */
  static String unknownKey(String key, String where, List<String> allowed) {
    String msg = "unknown key '" + key + "' in " + where;
    for (String a : allowed) {
      if (a.equalsIgnoreCase(key) || a.equalsIgnoreCase(key.replaceAll("s$", ""))) {
        return msg + ": did you mean '" + a + "'? (keys are case-sensitive; allowed: "
            + String.join(", ", allowed) + ")";
      }
    }
    return msg + ": remove it or use one of " + String.join(", ", allowed);
  }

  /** " (Sid X: Action a, b)" style summary of a statement for impact reasons. */
  static String statement(dev.rolectl.engine.model.Statement s) {
    List<String> parts = new java.util.ArrayList<>();
    if (!s.action().isEmpty()) {
      parts.add("Action " + String.join(", ", s.action()));
    }
    if (!s.notAction().isEmpty()) {
      parts.add("NotAction " + String.join(", ", s.notAction()));
    }
    String body = String.join("; ", parts);
    if (s.sid() != null && !s.sid().isEmpty()) {
      body = "Sid " + s.sid() + (body.isEmpty() ? "" : ": " + body);
    }
    return body.isEmpty() ? "" : " (" + body + ")";
  }
}

package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads one statement object of a policy tree, reporting problems to a {@link TreeReader}. */
final class StatementReader {
  static final List<String> KEYS =
      List.of(
          "Sid", "Effect", "Principal", "NotPrincipal", "Action", "NotAction", "Resource",
          "NotResource", "Condition");

  private final TreeReader r;
  private final PrincipalReader principals;
  private final ConditionReader conditions;

  StatementReader(TreeReader r) {
    this.r = r;
    this.principals = new PrincipalReader(r);
    this.conditions = new ConditionReader(r);
  }

  /** The statement, or {@code null} if it had problems (all of them reported). */
  Statement read(Object node, String ptr) {
    if (!(node instanceof Map<?, ?> raw)) {
      r.problem(ptr, "a statement must be an object with Effect, Action and Resource (or "
          + "Principal), not " + Describe.value(node));
      return null;
    }
    int before = r.count();
    Map<String, Object> m = new LinkedHashMap<>();
    raw.forEach((k, v) -> m.put(String.valueOf(k), v));
    for (String key : m.keySet()) {
      if (!KEYS.contains(key)) {
        r.problem(TreeReader.child(ptr, key), Describe.unknownKey(key, "a statement", KEYS));
      }
    }
    String sid = sid(m, ptr);
    String effect = effect(m, ptr);
    exclusive(m, ptr, "Principal", "NotPrincipal", false);
    exclusive(m, ptr, "Action", "NotAction", true);
    exclusive(m, ptr, "Resource", "NotResource", false);
    Principal principal = principal(m, ptr, "Principal");
    Principal notPrincipal = principal(m, ptr, "NotPrincipal");
    List<String> action = list(m, ptr, "Action");
    List<String> notAction = list(m, ptr, "NotAction");
    List<String> resource = list(m, ptr, "Resource");
    List<String> notResource = list(m, ptr, "NotResource");
    Map<String, Map<String, List<String>>> condition =
        m.containsKey("Condition")
            ? conditions.read(m.get("Condition"), TreeReader.child(ptr, "Condition"))
            : Map.of();
    if (r.count() != before) {
      return null;
    }
    return new Statement(
        sid, effect, principal, notPrincipal, action, notAction, resource, notResource, condition);
  }

  private String sid(Map<String, Object> m, String ptr) {
    if (!m.containsKey("Sid")) {
      return null;
    }
    Object v = m.get("Sid");
    if (v instanceof String s) {
      return s;
    }
    r.problem(TreeReader.child(ptr, "Sid"), "Sid must be a string, not " + Describe.value(v)
        + ": quote it or remove it");
    return null;
  }

  private String effect(Map<String, Object> m, String ptr) {
    if (!m.containsKey("Effect")) {
      r.problem(ptr, "the statement has no Effect: add Effect: Allow or Effect: Deny");
      return null;
    }
    Object v = m.get("Effect");
    if (v instanceof String s && (s.equalsIgnoreCase("Allow") || s.equalsIgnoreCase("Deny"))) {
      return s;
    }
    r.problem(TreeReader.child(ptr, "Effect"), "Effect must be Allow or Deny, not "
        + Describe.value(v));
    return null;
  }

  private void exclusive(Map<String, Object> m, String ptr, String a, String b, boolean required) {
    if (m.containsKey(a) && m.containsKey(b)) {
      r.problem(TreeReader.child(ptr, b), "a statement has " + a + " or " + b + ", not both: "
          + "remove one of them");
    } else if (required && !m.containsKey(a) && !m.containsKey(b)) {
      r.problem(ptr, "the statement has no " + a + ": add " + a + " (e.g. " + a
          + ": s3:GetObject) or " + b);
    }
  }

  private Principal principal(Map<String, Object> m, String ptr, String key) {
    return m.containsKey(key)
        ? principals.read(m.get(key), TreeReader.child(ptr, key), key)
        : null;
  }

  private List<String> list(Map<String, Object> m, String ptr, String key) {
    if (!m.containsKey(key)) {
      return List.of();
    }
    List<String> l = r.stringList(m.get(key), TreeReader.child(ptr, key), key);
    return l == null ? List.of() : l;
  }
}

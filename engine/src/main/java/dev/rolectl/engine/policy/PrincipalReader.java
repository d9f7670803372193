package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code Principal} or {@code NotPrincipal} element. */
final class PrincipalReader {
  static final List<String> TYPES = List.of("AWS", "Service", "Federated", "CanonicalUser");

  private final TreeReader r;

  PrincipalReader(TreeReader r) {
    this.r = r;
  }

  Principal read(Object v, String ptr, String name) {
    if ("*".equals(v)) {
      return Principal.any();
    }
    if (v instanceof String s) {
      r.problem(ptr, name + " must be \"*\" or an object of principal types, not '" + s + "': "
          + "write " + name + ": {" + suggestType(s) + ": " + s + "}");
      return null;
    }
    if (!(v instanceof Map<?, ?> raw)) {
      r.problem(ptr, name + " must be \"*\" or an object mapping " + Describe.oneOf(TYPES)
          + " to values, not " + Describe.value(v));
      return null;
    }
    if (raw.isEmpty()) {
      r.problem(ptr, name + " must not be empty: name at least one principal, e.g. {Service: "
          + "ecs.amazonaws.com}");
      return null;
    }
    int before = r.count();
    Map<String, List<String>> byType = new LinkedHashMap<>();
    raw.forEach(
        (k, value) -> {
          String type = String.valueOf(k);
          String p = TreeReader.child(ptr, type);
          if (!TYPES.contains(type)) {
            r.problem(p, "unknown principal type '" + type + "': use " + Describe.oneOf(TYPES)
                + " (case-sensitive)");
            return;
          }
          List<String> values = r.stringList(value, p, name + " " + type);
          if (values != null) {
            byType.put(type, values);
          }
        });
    return r.count() == before ? Principal.of(byType) : null;
  }

  private static String suggestType(String s) {
    if (s.endsWith(".amazonaws.com") || s.endsWith(".amazonaws.com.cn")) {
      return "Service";
    }
    if (s.contains(":saml-provider/") || s.contains(":oidc-provider/")) {
      return "Federated";
    }
    return "AWS";
  }
}

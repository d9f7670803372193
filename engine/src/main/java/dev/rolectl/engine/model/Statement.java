package dev.rolectl.engine.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One statement of an IAM policy document, as written (not normalised). Absent elements are
 * {@code null} (principals, sid) or empty lists; {@code condition} maps an operator to keys to
 * values, with boolean and number values kept as their string forms.
 */
public record Statement(
    String sid,
    String effect,
    Principal principal,
    Principal notPrincipal,
    List<String> action,
    List<String> notAction,
    List<String> resource,
    List<String> notResource,
    Map<String, Map<String, List<String>>> condition) {

  public Statement {
    Objects.requireNonNull(effect, "effect");
    action = List.copyOf(action);
    notAction = List.copyOf(notAction);
    resource = List.copyOf(resource);
    notResource = List.copyOf(notResource);
    Map<String, Map<String, List<String>>> c = new LinkedHashMap<>();
    condition.forEach(
        (op, keys) -> {
          Map<String, List<String>> k = new LinkedHashMap<>();
          keys.forEach((key, values) -> k.put(key, List.copyOf(values)));
          c.put(op, Collections.unmodifiableMap(k));
        });
    condition = Collections.unmodifiableMap(c);
  }

  public boolean isAllow() {
    return "allow".equalsIgnoreCase(effect);
  }

  public boolean isDeny() {
    return "deny".equalsIgnoreCase(effect);
  }
}

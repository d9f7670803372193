package dev.rolectl.engine.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Principal} or {@code NotPrincipal} of a statement: either the bare wildcard
 * {@code "*"} or a map from principal type ({@code AWS}, {@code Service}, {@code Federated},
 * {@code CanonicalUser}) to values. {@code "*"} and {@code {"AWS": "*"}} are different principals.
 */
public record Principal(boolean wildcard, Map<String, List<String>> byType) {
  public Principal {
    Map<String, List<String>> copy = new LinkedHashMap<>();
    byType.forEach((k, v) -> copy.put(k, List.copyOf(v)));
    byType = java.util.Collections.unmodifiableMap(copy);
    if (wildcard && !byType.isEmpty()) {
      throw new IllegalArgumentException("a wildcard principal has no typed entries");
    }
  }

  public static Principal any() {
    return new Principal(true, Map.of());
  }

  public static Principal of(Map<String, List<String>> byType) {
    return new Principal(false, byType);
  }

  public List<String> values(String type) {
    return byType.getOrDefault(type, List.of());
  }
}

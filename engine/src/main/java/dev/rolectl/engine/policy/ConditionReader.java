package dev.rolectl.engine.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads a {@code Condition} element: operator -> key -> scalar or list of scalars. */
final class ConditionReader {
  private final TreeReader r;

  ConditionReader(TreeReader r) {
    this.r = r;
  }

  Map<String, Map<String, List<String>>> read(Object v, String ptr) {
    if (!(v instanceof Map<?, ?> ops)) {
      r.problem(ptr, "Condition must be an object of operators, e.g. {StringEquals: "
          + "{iam:PassedToService: ecs.amazonaws.com}}, not " + Describe.value(v));
      return Map.of();
    }
    Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
    ops.forEach(
        (op, keys) -> {
          String p = TreeReader.child(ptr, String.valueOf(op));
          Map<String, List<String>> k = keys(String.valueOf(op), keys, p);
          if (k != null) {
            out.put(String.valueOf(op), k);
          }
        });
    return out;
  }

  private Map<String, List<String>> keys(String op, Object keys, String ptr) {
    if (!(keys instanceof Map<?, ?> m)) {
      r.problem(ptr, "condition operator " + op + " must map condition keys to values, e.g. "
          + "{aws:SourceAccount: '123456789012'}, not " + Describe.value(keys));
      return null;
    }
    if (m.isEmpty()) {
      r.problem(ptr, "condition operator " + op + " has no condition keys: add one or remove "
          + op);
      return null;
    }
    Map<String, List<String>> out = new LinkedHashMap<>();
    m.forEach(
        (key, values) -> {
          List<String> l = values(values, TreeReader.child(ptr, String.valueOf(key)));
          if (l != null) {
            out.put(String.valueOf(key), l);
          }
        });
    return out;
  }

  private List<String> values(Object v, String ptr) {
    if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        r.problem(ptr, "a condition key needs at least one value: add a value or remove the key");
        return null;
      }
      List<String> out = new ArrayList<>();
      for (int i = 0; i < list.size(); i++) {
        String s = TreeReader.scalar(list.get(i));
        if (s == null) {
          r.problem(TreeReader.child(ptr, i), "condition values must be strings, numbers or "
              + "booleans, not " + Describe.value(list.get(i)));
        } else {
          out.add(s);
        }
      }
      return out.size() == list.size() ? out : null;
    }
    String s = TreeReader.scalar(v);
    if (s == null) {
      r.problem(ptr, "a condition value must be a string, number, boolean or a list of them, not "
          + Describe.value(v));
      return null;
    }
    return List.of(s);
  }
}

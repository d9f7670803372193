package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The first place where two JSON trees differ, as a path ({@code changes[2].after.tags.team}) and
 * both values, for messages that say exactly what does not match. Object members are compared by
 * name (their order does not count), arrays element by element.
 *
 * @param path where they differ; empty for the roots
 * @param left the value on the left, {@code null} when absent there
 * @param right the value on the right, {@code null} when absent there
 */
record JsonDifference(String path, JsonNode left, JsonNode right) {
  private static final int SHOWN = 120;

  /** Empty when the trees are equal. */
  static Optional<JsonDifference> first(JsonNode left, JsonNode right) {
    return first("", left, right);
  }

  private static Optional<JsonDifference> first(String path, JsonNode left, JsonNode right) {
    if (left == null || right == null) {
      return left == right ? Optional.empty() : Optional.of(new JsonDifference(path, left, right));
    }
    if (left.isObject() && right.isObject()) {
      for (String name : names(left, right)) {
        Optional<JsonDifference> d = first(join(path, name), left.get(name), right.get(name));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (left.isArray() && right.isArray()) {
      for (int i = 0; i < Math.max(left.size(), right.size()); i++) {
        Optional<JsonDifference> d = first(path + "[" + i + "]", left.get(i), right.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return left.equals(right) ? Optional.empty() : Optional.of(new JsonDifference(path, left, right));
  }

  /** Members in the order the left tree has them, then the right's others: the file's order. */
  private static List<String> names(JsonNode left, JsonNode right) {
    List<String> out = new ArrayList<>();
    left.fieldNames().forEachRemaining(out::add);
    for (Iterator<String> it = right.fieldNames(); it.hasNext(); ) {
      String n = it.next();
      if (!left.has(n)) {
        out.add(n);
      }
    }
    return out;
  }

  private static String join(String path, String name) {
    if (name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      return path.isEmpty() ? name : path + "." + name;
    }
    return path + "[\"" + name.replace("\"", "\\\"") + "\"]";
  }

  /** A value for a message: compact JSON, cut after {@value #SHOWN} characters; "nothing" if absent. */
  static String shown(JsonNode n) {
    if (n == null) {
      return "nothing";
    }
    String text = n.toString();
    return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "...";
  }
}

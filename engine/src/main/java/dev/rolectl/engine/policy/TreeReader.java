package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.SourceMap;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** Shared helpers for reading a generic tree: problem collection, pointers, string lists. */
final class TreeReader {
  private final List<PolicyProblem> problems = new ArrayList<>();

  List<PolicyProblem> problems() {
    return problems;
  }

  int count() {
    return problems.size();
  }

  void problem(String pointer, String message) {
    problems.add(new PolicyProblem(pointer, message));
  }

  static String child(String pointer, String segment) {
    return pointer + "/" + SourceMap.segment(segment);
  }

  static String child(String pointer, int index) {
    return pointer + "/" + index;
  }

  /**
   * Reads a string or a non-empty list of non-empty strings. Returns {@code null} after reporting
   * a problem.
   */
  List<String> stringList(Object value, String pointer, String name) {
    if (value instanceof String s) {
      if (s.isEmpty()) {
        problem(pointer, name + " must not be an empty string: give a value or remove " + name);
        return null;
      }
      return List.of(s);
    }
    if (value instanceof List<?> list) {
      if (list.isEmpty()) {
        problem(pointer, name + " must not be an empty list: give at least one value or remove "
            + name);
        return null;
      }
      List<String> out = new ArrayList<>();
      int before = count();
      for (int i = 0; i < list.size(); i++) {
        Object e = list.get(i);
        if (e instanceof String s && !s.isEmpty()) {
          out.add(s);
        } else if (e instanceof String) {
          problem(child(pointer, i), "entries of " + name + " must not be empty strings");
        } else {
          problem(child(pointer, i), "entries of " + name + " must be strings, not "
              + Describe.value(e) + (e instanceof Number ? ": quote the value" : ""));
        }
      }
      return count() == before ? out : null;
    }
    problem(pointer, name + " must be a string or a list of strings, not " + Describe.value(value));
    return null;
  }

  /**
   * The string form of a condition scalar: strings as they are, booleans and numbers as written
   * ({@code true}, {@code 10}, {@code 1.5}). Returns {@code null} for anything else.
   */
  static String scalar(Object v) {
    if (v instanceof String s) {
      return s;
    }
    if (v instanceof Boolean b) {
      return b.toString();
    }
    if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte
        || v instanceof BigInteger) {
      return v.toString();
    }
    if (v instanceof BigDecimal d) {
      return d.toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      return Double.isFinite(d) ? BigDecimal.valueOf(d).toPlainString() : null;
    }
    return null;
  }
}

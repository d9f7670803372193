package dev.rolectl.engine.access;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The request contexts worth trying for some statements: the keys whose values are fixed (the
 * principal's, a known resource's, the one being asked about) as given, and for every other key
 * the statements test, each value that can change an answer: absent, a value no statement names,
 * each value named, a witness of each pattern ({@link Glob#witnesses}), and numbers just beside
 * each number named. A request may carry any of these (its caller chooses them), so access that
 * some context allows is access the principal has.
 */
final class Contexts {
  /** Contexts tried for one request at most; beyond, the answer is may. */
  static final int MAX = 256;

  private static final String OTHER = Glob.FRESH + "other";

  private Contexts() {}

  /** Every combination, or {@code null} when there are more than {@link #MAX}. */
  static List<Map<String, String>> of(Map<String, String> fixed, Collection<Rule> rules) {
    Map<String, Set<String>> choices = new TreeMap<>();
    for (Rule r : rules) {
      for (Clause c : r.clauses()) {
        if (fixed.containsKey(c.key()) || Clause.UNKNOWN_KEYS.contains(c.key())) {
          continue;
        }
        Set<String> values = choices.computeIfAbsent(c.key(), k -> {
          Set<String> s = new LinkedHashSet<>();
          s.add(null);
          s.add(OTHER);
          return s;
        });
        for (String v : c.values()) {
          if (v.contains("${")) {
            continue;
          }
          values.addAll(Glob.witnesses(v));
          number(v, values);
        }
        if (c.operator().startsWith("Bool")) {
          values.add("true");
          values.add("false");
        }
      }
    }
    List<Map<String, String>> out = new ArrayList<>();
    out.add(Map.copyOf(fixed));
    if (choices.isEmpty()) {
      return out;
    }
    for (Map.Entry<String, Set<String>> e : choices.entrySet()) {
      if ((long) out.size() * e.getValue().size() > MAX) {
        return null;
      }
      List<Map<String, String>> next = new ArrayList<>();
      for (Map<String, String> ctx : out) {
        for (String v : e.getValue()) {
          Map<String, String> m = new HashMap<>(ctx);
          if (v != null) {
            m.put(e.getKey(), v);
          }
          next.add(Map.copyOf(m));
        }
      }
      out = next;
    }
    return out;
  }

  private static void number(String v, Set<String> values) {
    try {
      BigDecimal d = new BigDecimal(v);
      values.add(d.subtract(BigDecimal.ONE).toPlainString());
      values.add(d.add(BigDecimal.ONE).toPlainString());
    } catch (NumberFormatException e) {
      // not a number: nothing beside it
    }
  }
}

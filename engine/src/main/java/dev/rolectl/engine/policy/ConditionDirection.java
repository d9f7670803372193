package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.AccessImpact.BROADENING;
import static dev.rolectl.engine.policy.AccessImpact.MIXED;
import static dev.rolectl.engine.policy.AccessImpact.NARROWING;
import static dev.rolectl.engine.policy.AccessImpact.NONE;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether replacing one Condition with another lets an Allow statement match more requests, fewer,
 * or different ones, key by key: a key dropped broadens, a key added narrows; for the string and
 * ARN operators, a key whose accepted values grow broadens (so {@code StringEquals ecs.amazonaws.com}
 * to {@code StringLike ecs*} broadens, as "ecs*" matches "ecs.amazonaws.com"), shrink narrows.
 * Anything it cannot order (numbers, dates, IP ranges, several operators on one key) is MIXED.
 */
final class ConditionDirection {
  private ConditionDirection() {}

  /** One key's test: operator and values. */
  private record Test(String op, List<String> values) {}

  static AccessImpact of(SortedMap<String, SortedMap<String, List<String>>> before,
      SortedMap<String, SortedMap<String, List<String>>> after) {
    Map<String, List<Test>> a = byKey(before);
    Map<String, List<Test>> b = byKey(after);
    TreeSet<String> keys = new TreeSet<>(a.keySet());
    keys.addAll(b.keySet());
    AccessImpact out = NONE;
    for (String key : keys) {
      List<Test> x = a.get(key);
      List<Test> y = b.get(key);
      if (x == null) {
        out = out.and(NARROWING);
      } else if (y == null) {
        out = out.and(BROADENING);
      } else if (!x.equals(y)) {
        out = out.and(x.size() == 1 && y.size() == 1 ? compare(x.get(0), y.get(0)) : MIXED);
      }
    }
    return out;
  }

  private static Map<String, List<Test>> byKey(
      SortedMap<String, SortedMap<String, List<String>>> condition) {
    Map<String, List<Test>> out = new TreeMap<>();
    condition.forEach((op, keys) -> keys.forEach((key, values) -> out
        .computeIfAbsent(key.toLowerCase(java.util.Locale.ROOT), k -> new ArrayList<>())
        .add(new Test(op, values))));
    return out;
  }

  private static AccessImpact compare(Test before, Test after) {
    Family f1 = Family.of(before.op());
    Family f2 = Family.of(after.op());
    if (f1 == null || f2 == null || f1.negated != f2.negated || f1.arn != f2.arn) {
      return MIXED;
    }
    boolean grows = covers(after, f2, before, f1); // everything accepted before still is
    boolean shrinks = covers(before, f1, after, f2);
    if (f1.negated) { // the values are exclusions: more of them accept less
      boolean g = grows;
      grows = shrinks;
      shrinks = g;
    }
    grows &= !f1.ifExists || f2.ifExists; // IfExists also accepts requests without the key
    shrinks &= !f2.ifExists || f1.ifExists;
    if (grows && shrinks) {
      return NONE;
    }
    return grows ? BROADENING : shrinks ? NARROWING : MIXED;
  }

  /** Whether every string {@code inner} names is also named by {@code outer}. */
  private static boolean covers(Test outer, Family fo, Test inner, Family fi) {
    for (String v : inner.values()) {
      boolean covered = false;
      for (String o : outer.values()) {
        covered |= names(o, fo, v, fi);
      }
      if (!covered) {
        return false;
      }
    }
    return true;
  }

  private static boolean names(String outer, Family fo, String inner, Family fi) {
    boolean innerPattern = fi.like && (inner.contains("*") || inner.contains("?"));
    if (!fo.like) {
      return !innerPattern && (fo.ignoreCase ? outer.equalsIgnoreCase(inner)
          : outer.equals(inner) && !fi.ignoreCase);
    }
    if (innerPattern && outer.contains("?")) {
      return outer.equals(inner);
    }
    return fi.ignoreCase ? false : IamPatterns.matchesCaseSensitive(outer, inner);
  }

  /** The string and ARN operators, as families that can be compared. */
  private record Family(boolean like, boolean negated, boolean ignoreCase, boolean arn,
      boolean ifExists) {
    static Family of(String op) {
      if (op.startsWith("For")) {
        return null; // set operators (ForAllValues:, ForAnyValue:): left MIXED
      }
      boolean ifExists = op.endsWith("IfExists");
      String base = ifExists ? op.substring(0, op.length() - "IfExists".length()) : op;
      return switch (base) {
        case "StringEquals" -> new Family(false, false, false, false, ifExists);
        case "StringNotEquals" -> new Family(false, true, false, false, ifExists);
        case "StringEqualsIgnoreCase" -> new Family(false, false, true, false, ifExists);
        case "StringNotEqualsIgnoreCase" -> new Family(false, true, true, false, ifExists);
        case "StringLike" -> new Family(true, false, false, false, ifExists);
        case "StringNotLike" -> new Family(true, true, false, false, ifExists);
        case "ArnEquals", "ArnLike" -> new Family(true, false, false, true, ifExists);
        case "ArnNotEquals", "ArnNotLike" -> new Family(true, true, false, true, ifExists);
        default -> null;
      };
    }
  }
}

package dev.rolectl.engine.access;

import dev.rolectl.engine.policy.IamPatterns;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IAM wildcard patterns ({@code *} any run of characters, {@code ?} one character) as sets of
 * strings: their intersection (itself a union of patterns) and witnesses.
 *
 * <p>A pattern's <em>witness</em> replaces each {@code *} with a long run of a character that no
 * policy uses ({@link #FRESH}) and each {@code ?} with one such character. For patterns without
 * {@code ?}, the witness of {@code g} matches another pattern {@code p} exactly when every string
 * of {@code g} does (p's literal parts cannot match a fresh run, so they align with g's literal
 * parts whatever g's stars stand for): one witness stands for the whole pattern, so that deciding
 * access at the witness decides it for every string of the pattern. The witness with empty stars
 * is added too, for the one case this misses (a {@code ?*} in another pattern, which needs at
 * least one character).
 */
final class Glob {
  /** A private-use character: no IAM name, ARN or action contains it. */
  static final char FRESH = '\uE000';

  /** Fresh characters per star: more than any run of {@code ?} in a policy (see the class). */
  private static final int RUN = 12;

  /** Patterns kept from one intersection; more is reported as too complex. */
  static final int MAX_PARTS = 32;

  private Glob() {}

  /** Whether {@code pattern} matches {@code value}, comparing case (callers lower-case actions). */
  static boolean matches(String pattern, String value) {
    return IamPatterns.matchesCaseSensitive(pattern, value);
  }

  static boolean isPattern(String s) {
    return s.indexOf('*') >= 0 || s.indexOf('?') >= 0;
  }

  /** The strings that stand for {@code glob} (see the class comment). */
  static List<String> witnesses(String glob) {
    if (!isPattern(glob)) {
      return List.of(glob);
    }
    String run = String.valueOf(FRESH).repeat(RUN);
    String full = glob.replace("?", String.valueOf(FRESH)).replace("*", run);
    String empty = glob.replace("?", String.valueOf(FRESH)).replace("*", "");
    return full.equals(empty) ? List.of(full) : List.of(full, empty);
  }

  /**
   * The strings both patterns match, as patterns (empty when none); {@code null} when that takes
   * more than {@link #MAX_PARTS} patterns.
   */
  static List<String> intersect(String a, String b) {
    if (a.equals("*") || a.equals(b)) {
      return List.of(b);
    }
    if (b.equals("*")) {
      return List.of(a);
    }
    if (!isPattern(a)) {
      return matches(b, a) ? List.of(a) : List.of();
    }
    if (!isPattern(b)) {
      return matches(a, b) ? List.of(b) : List.of();
    }
    Set<String> out = new Meet(a, b).from(0, 0);
    if (out == null || out.size() > MAX_PARTS) {
      return null;
    }
    return List.copyOf(out);
  }

  /** The intersection of two patterns, position by position, memoised. */
  private static final class Meet {
    private final String p;
    private final String q;
    private final Map<Long, Set<String>> memo = new HashMap<>();

    Meet(String p, String q) {
      this.p = p;
      this.q = q;
    }

    Set<String> from(int i, int j) {
      long key = ((long) i << 32) | j;
      Set<String> known = memo.get(key);
      if (known != null) {
        return known;
      }
      Set<String> out = compute(i, j);
      memo.put(key, out);
      return out;
    }

    private Set<String> compute(int i, int j) {
      Set<String> out = new LinkedHashSet<>();
      if (i == p.length() || j == q.length()) {
        String rest = i == p.length() ? q.substring(j) : p.substring(i);
        if (rest.chars().allMatch(c -> c == '*')) {
          out.add("");
        }
        return out;
      }
      char a = p.charAt(i);
      char b = q.charAt(j);
      if (a == '*' && b == '*') {
        prefix("*", from(i + 1, j), out);
        prefix("*", from(i, j + 1), out);
      } else if (a == '*') {
        out.addAll(from(i + 1, j));
        prefix(String.valueOf(b), from(i, j + 1), out);
      } else if (b == '*') {
        out.addAll(from(i, j + 1));
        prefix(String.valueOf(a), from(i + 1, j), out);
      } else if (a == '?' || b == '?' || a == b) {
        prefix(String.valueOf(a == '?' ? b : a), from(i + 1, j + 1), out);
      }
      return out;
    }

    private static void prefix(String head, Set<String> tails, Set<String> out) {
      for (String t : tails) {
        String s = head + t;
        out.add(s.replaceAll("\\*+", "*"));
        if (out.size() > MAX_PARTS * 4) {
          return;
        }
      }
    }
  }

  /** The intersection of every pattern of each list with every pattern of the other. */
  static List<String> intersectAll(List<String> a, List<String> b) {
    Set<String> out = new LinkedHashSet<>();
    for (String x : a) {
      for (String y : b) {
        List<String> part = intersect(x, y);
        if (part == null) {
          return null;
        }
        out.addAll(part);
      }
    }
    return new ArrayList<>(out);
  }
}

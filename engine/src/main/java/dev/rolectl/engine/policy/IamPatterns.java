package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Objects;

/**
 * IAM wildcard matching as IAM does it for actions: {@code *} matches any run of characters,
 * {@code ?} any one character, and the comparison ignores case.
 */
public final class IamPatterns {
  private IamPatterns() {}

  /** Whether the IAM pattern (e.g. {@code iam:Put*Policy}) matches {@code value}. */
  public static boolean matches(String pattern, String value) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(value, "value");
    return matches(pattern.toLowerCase(java.util.Locale.ROOT), 0,
        value.toLowerCase(java.util.Locale.ROOT), 0);
  }

  /** Like {@link #matches} but comparing case, as StringLike and ArnLike do. */
  public static boolean matchesCaseSensitive(String pattern, String value) {
    Objects.requireNonNull(pattern, "pattern");
    Objects.requireNonNull(value, "value");
    return matches(pattern, 0, value, 0);
  }

  /** Whether any of the patterns matches {@code value}. */
  public static boolean anyMatches(List<String> patterns, String value) {
    return patterns.stream().anyMatch(p -> matches(p, value));
  }

  /**
   * Whether a statement applies to {@code action}: one of its Action patterns matches it, or it
   * has NotAction and none of those patterns matches it.
   */
  public static boolean coversAction(Statement s, String action) {
    if (!s.action().isEmpty()) {
      return anyMatches(s.action(), action);
    }
    return !s.notAction().isEmpty() && !anyMatches(s.notAction(), action);
  }

  /** Iterative glob matching with backtracking on the last {@code *}. */
  private static boolean matches(String p, int pi, String v, int vi) {
    int star = -1;
    int mark = 0;
    while (vi < v.length()) {
      if (pi < p.length() && (p.charAt(pi) == '?' || p.charAt(pi) == v.charAt(vi))) {
        pi++;
        vi++;
      } else if (pi < p.length() && p.charAt(pi) == '*') {
        star = pi++;
        mark = vi;
      } else if (star >= 0) {
        pi = star + 1;
        vi = ++mark;
      } else {
        return false;
      }
    }
    while (pi < p.length() && p.charAt(pi) == '*') {
      pi++;
    }
    return pi == p.length();
  }
}

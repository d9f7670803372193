package dev.rolectl.engine.policy.catalogue;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Whether two IAM wildcard patterns ({@code *} any run of characters, {@code ?} one character)
 * can match a common string: a breadth-first walk over the product of the two patterns'
 * automata, so {@code arn:aws:s3:::my-bucket/*} and the template
 * {@code arn:*:s3:::*\/*} overlap while {@code arn:aws:s3:::my-bucket} and that template do not.
 * Literal characters compare exactly (ARNs are case-sensitive).
 */
final class Globs {
  private Globs() {}

  static boolean overlap(String p, String q) {
    int n = p.length();
    int m = q.length();
    boolean[][] seen = new boolean[n + 1][m + 1];
    Deque<int[]> todo = new ArrayDeque<>();
    todo.add(new int[] {0, 0});
    seen[0][0] = true;
    while (!todo.isEmpty()) {
      int[] s = todo.poll();
      int i = s[0];
      int j = s[1];
      if (i == n && j == m) {
        return true;
      }
      boolean ps = i < n && p.charAt(i) == '*';
      boolean qs = j < m && q.charAt(j) == '*';
      if (ps) {
        visit(seen, todo, i + 1, j);
      }
      if (qs) {
        visit(seen, todo, i, j + 1);
      }
      if (i < n && j < m) {
        if (ps && !qs) {
          visit(seen, todo, i, j + 1);
        } else if (qs && !ps) {
          visit(seen, todo, i + 1, j);
        } else if (!ps && (p.charAt(i) == '?' || q.charAt(j) == '?'
            || p.charAt(i) == q.charAt(j))) {
          visit(seen, todo, i + 1, j + 1);
        }
      }
    }
    return false;
  }

  private static void visit(boolean[][] seen, Deque<int[]> todo, int i, int j) {
    if (!seen[i][j]) {
      seen[i][j] = true;
      todo.add(new int[] {i, j});
    }
  }

  /** An ARN template or policy value with every {@code ${...}} placeholder turned into *. */
  static String placeholdersToStars(String s) {
    if (s.indexOf("${") < 0) {
      return s;
    }
    return s.replaceAll("\\$\\{[^}]*\\}", "*");
  }
}

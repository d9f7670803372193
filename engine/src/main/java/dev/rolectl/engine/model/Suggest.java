package dev.rolectl.engine.model;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean ...?" by edit distance. */
public final class Suggest {
  private Suggest() {}

  /** The closest candidate, if it is close enough to be a likely typo. */
  public static Optional<String> closest(String input, Collection<String> candidates) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    if (input.length() > 200) {
      return Optional.empty();
    }
    for (String c : candidates) {
      if (c.length() > 200) {
        continue;
      }
      int d = distance(input.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
      if (d < bestDistance) {
        best = c;
        bestDistance = d;
      }
    }
    if (best == null || best.equals(input)) {
      return Optional.empty();
    }
    int allowed = Math.max(2, Math.min(input.length(), best.length()) / 4);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }

  /** " did you mean 'x'?" or "". */
  public static String didYouMean(String input, Collection<String> candidates) {
    return closest(input, candidates).map(c -> " did you mean '" + c + "'?").orElse("");
  }

  /** Levenshtein distance with adjacent transpositions counted as one edit. */
  public static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}

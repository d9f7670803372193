package dev.rolectl.engine.policy.catalogue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A set of condition keys as the service reference writes them ({@code s3:prefix},
 * {@code aws:RequestTag/${TagKey}}, {@code s3:ExistingObjectTag/<key>}), matched as IAM matches
 * keys: ignoring case, a placeholder standing for one or more characters.
 */
final class ConditionKeys {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{[^}]*\\}|<[^>]*>");

  private final List<String> written = new ArrayList<>();
  private Set<String> exact;
  private List<Pattern> patterns;

  void add(String key) {
    written.add(key);
  }

  /** Builds the matchers on first use: most services' keys are never asked about. */
  private synchronized void index() {
    if (exact != null) {
      return;
    }
    Set<String> e = new HashSet<>();
    List<Pattern> p = new ArrayList<>();
    written.forEach(k -> index(k, e, p));
    patterns = p;
    exact = e;
  }

  private static void index(String key, Set<String> exact, List<Pattern> patterns) {
    if (!PLACEHOLDER.matcher(key).find()) {
      exact.add(key.toLowerCase(Locale.ROOT));
      return;
    }
    StringBuilder re = new StringBuilder();
    int last = 0;
    var m = PLACEHOLDER.matcher(key);
    while (m.find()) {
      re.append(Pattern.quote(key.substring(last, m.start()))).append(".+");
      last = m.end();
    }
    re.append(Pattern.quote(key.substring(last)));
    patterns.add(Pattern.compile(re.toString(), Pattern.CASE_INSENSITIVE));
  }

  boolean contains(String key) {
    index();
    return exact.contains(key.toLowerCase(Locale.ROOT))
        || patterns.stream().anyMatch(p -> p.matcher(key).matches());
  }

  /** The keys as the service reference writes them. */
  List<String> written() {
    return List.copyOf(written);
  }
}

package dev.rolectl.engine.policy;

import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedPrincipal;
import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedStatement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Helpers for {@link NormalizedPolicy}: sorting, canonical values and a total statement order. */
final class Normalize {
  private static final Pattern ACCOUNT_ROOT =
      Pattern.compile("arn:aws(?:-[a-z]+)*:iam::(\\d{12}):root");

  private Normalize() {}

  static <T extends Comparable<? super T>> List<T> sortedCopy(List<T> values) {
    List<T> l = new ArrayList<>(values);
    Collections.sort(l);
    return List.copyOf(l);
  }

  /** Sorted, without duplicates: IAM gives a repeated entry no extra meaning. */
  static <T extends Comparable<? super T>> List<T> sortedSet(List<T> values) {
    return List.copyOf(new java.util.TreeSet<>(values));
  }

  /** Action names in lower case: IAM matches actions ignoring case. */
  static List<String> actions(List<String> values) {
    return sortedSet(values.stream().map(a -> a.toLowerCase(java.util.Locale.ROOT)).toList());
  }

  static SortedMap<String, List<String>> sortedValues(Map<String, List<String>> m) {
    SortedMap<String, List<String>> out = new TreeMap<>();
    m.forEach((k, v) -> out.put(k, sortedSet(v)));
    return Collections.unmodifiableSortedMap(out);
  }

  /**
   * Operators as written, keys in lower case (IAM matches condition keys ignoring case; two keys
   * of one operator that differ only in case stay apart), values sorted without duplicates.
   */
  static SortedMap<String, SortedMap<String, List<String>>> sortedConditions(
      Map<String, ? extends Map<String, List<String>>> c) {
    SortedMap<String, SortedMap<String, List<String>>> out = new TreeMap<>();
    c.forEach((op, keys) -> {
      Map<String, List<String>> lower = new TreeMap<>();
      keys.forEach((k, v) -> {
        String l = k.toLowerCase(java.util.Locale.ROOT);
        lower.put(keys.keySet().stream().filter(o -> !o.equals(k))
            .anyMatch(o -> o.equalsIgnoreCase(k)) ? k : l, v);
      });
      out.put(op, sortedValues(lower));
    });
    return Collections.unmodifiableSortedMap(out);
  }

  /** {@code Allow} or {@code Deny} whatever the case; anything else lower-cased. */
  static String effect(String e) {
    if (e.equalsIgnoreCase("allow")) {
      return "Allow";
    }
    if (e.equalsIgnoreCase("deny")) {
      return "Deny";
    }
    return e.toLowerCase(java.util.Locale.ROOT);
  }

  /** The account id for {@code arn:PARTITION:iam::ACCOUNT:root}, other values unchanged. */
  static String awsPrincipal(String value) {
    Matcher m = ACCOUNT_ROOT.matcher(value);
    return m.matches() ? m.group(1) : value;
  }

  static List<String> awsPrincipals(List<String> values) {
    return values.stream().map(Normalize::awsPrincipal).toList();
  }

  static final Comparator<List<String>> LIST_ORDER = Normalize::compareLists;

  static final Comparator<SortedMap<String, List<String>>> VALUES_ORDER =
      (a, b) -> compareMaps(a, b, LIST_ORDER);

  static final Comparator<NormalizedPrincipal> PRINCIPAL_ORDER =
      Comparator.nullsFirst(
          Comparator.comparing(NormalizedPrincipal::wildcard)
              .thenComparing(NormalizedPrincipal::byType, VALUES_ORDER));

  static final Comparator<NormalizedStatement> STATEMENT_ORDER =
      Comparator.comparing(NormalizedStatement::sid, Comparator.nullsFirst(String::compareTo))
          .thenComparing(NormalizedStatement::effect)
          .thenComparing(NormalizedStatement::principal, PRINCIPAL_ORDER)
          .thenComparing(NormalizedStatement::notPrincipal, PRINCIPAL_ORDER)
          .thenComparing(NormalizedStatement::action, LIST_ORDER)
          .thenComparing(NormalizedStatement::notAction, LIST_ORDER)
          .thenComparing(NormalizedStatement::resource, LIST_ORDER)
          .thenComparing(NormalizedStatement::notResource, LIST_ORDER)
          .thenComparing(NormalizedStatement::condition, (a, b) -> compareMaps(a, b, VALUES_ORDER));

  private static int compareLists(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  }

  private static <V> int compareMaps(
      SortedMap<String, V> a, SortedMap<String, V> b, Comparator<? super V> values) {
    Iterator<Map.Entry<String, V>> ia = a.entrySet().iterator();
    Iterator<Map.Entry<String, V>> ib = b.entrySet().iterator();
    while (ia.hasNext() && ib.hasNext()) {
      Map.Entry<String, V> ea = ia.next();
      Map.Entry<String, V> eb = ib.next();
      int c = ea.getKey().compareTo(eb.getKey());
      if (c == 0) {
        c = values.compare(ea.getValue(), eb.getValue());
      }
      if (c != 0) {
        return c;
      }
    }
    return Boolean.compare(ia.hasNext(), ib.hasNext());
  }
}

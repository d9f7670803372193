package dev.rolectl.engine.policy;

import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedPrincipal;
import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a list of statements says, as IAM evaluates it: statements are evaluated one by one, so a
 * statement is the set of its (principal, action, resource) triples, and statements that agree on
 * everything else (Sid, Effect, Condition and the Not elements) can be split or merged freely.
 * {@link #of} groups the triples by that "everything else"; {@link #statements} writes any such
 * grouping back as statements in one canonical way, so equal facts give equal statements.
 */
final class Facts {
  /** Beyond this many triples in one document, statements are kept as written. */
  static final int MAX_TRIPLES = 200_000;

  /** What statements must share to be split or merged. */
  record Key(String sid, String effect, NormalizedPrincipal notPrincipal, List<String> notAction,
      List<String> notResource, SortedMap<String, SortedMap<String, List<String>>> condition,
      boolean hasPrincipal, boolean hasAction, boolean hasResource) {}

  /** One (principal, action, resource) triple; "" where the statement has no such element. */
  record Triple(String principal, String action, String resource) implements Comparable<Triple> {
    @Override
    public int compareTo(Triple o) {
      int c = principal.compareTo(o.principal);
      c = c != 0 ? c : action.compareTo(o.action);
      return c != 0 ? c : resource.compareTo(o.resource);
    }
  }

  static final String BARE_WILDCARD = "*";

  private Facts() {}

  static Key key(NormalizedStatement s) {
    return new Key(s.sid(), s.effect(), s.notPrincipal(), s.notAction(), s.notResource(),
        s.condition(), s.principal() != null, !s.action().isEmpty(), !s.resource().isEmpty());
  }

  /** The triples of each group, or {@code null} when there would be too many. */
  static Map<Key, Set<Triple>> of(List<NormalizedStatement> statements) {
    long total = 0;
    for (NormalizedStatement s : statements) {
      total += (long) Math.max(1, principals(s.principal()).size())
          * Math.max(1, s.action().size()) * Math.max(1, s.resource().size());
    }
    if (total > MAX_TRIPLES) {
      return null;
    }
    Map<Key, Set<Triple>> out = new java.util.HashMap<>();
    for (NormalizedStatement s : statements) {
      Set<Triple> triples = out.computeIfAbsent(key(s), k -> new TreeSet<>());
      for (String p : orAbsent(principals(s.principal()))) {
        for (String a : orAbsent(s.action())) {
          for (String r : orAbsent(s.resource())) {
            triples.add(new Triple(p, a, r));
          }
        }
      }
    }
    return out;
  }

  /**
   * Canonical statements for grouped triples: actions grouped per (principal, resource), then
   * resources per (actions, principal), then principals per (actions, resources).
   */
  static List<NormalizedStatement> statements(Map<Key, Set<Triple>> facts) {
    List<NormalizedStatement> out = new ArrayList<>();
    facts.forEach((key, triples) -> {
      SortedMap<List<String>, List<String>> actionsOf = new TreeMap<>(Normalize.LIST_ORDER);
      for (Triple t : triples) {
        actionsOf.computeIfAbsent(List.of(t.principal(), t.resource()), k -> new ArrayList<>())
            .add(t.action());
      }
      SortedMap<List<String>, TreeSet<String>> resourcesOf = new TreeMap<>(Normalize.LIST_ORDER);
      actionsOf.forEach((pr, actions) -> {
        List<String> k = new ArrayList<>(actions);
        k.add(0, pr.get(0)); // principal first, then the actions
        resourcesOf.computeIfAbsent(k, x -> new TreeSet<>()).add(pr.get(1));
      });
      SortedMap<List<String>, TreeSet<String>> principalsOf =
          new TreeMap<>(Normalize.LIST_ORDER);
      resourcesOf.forEach((pa, resources) -> {
        List<String> k = new ArrayList<>();
        k.add(pa.get(0).equals(BARE_WILDCARD) ? "1" : "0"); // "*" cannot share a statement
        k.add(String.valueOf(pa.size() - 1));
        k.addAll(pa.subList(1, pa.size()));
        k.addAll(resources);
        principalsOf.computeIfAbsent(k, x -> new TreeSet<>()).add(pa.get(0));
      });
      principalsOf.forEach((k, principals) -> {
        int actionCount = Integer.parseInt(k.get(1));
        List<String> actions = k.subList(2, 2 + actionCount);
        List<String> resources = k.subList(2 + actionCount, k.size());
        out.add(new NormalizedStatement(key.sid(), key.effect(),
            key.hasPrincipal() ? principal(principals) : null, key.notPrincipal(),
            present(actions), key.notAction(), present(resources), key.notResource(),
            key.condition()));
      });
    });
    return out;
  }

  /** A principal as "*" or "Type\0value" strings. */
  static List<String> principals(NormalizedPrincipal p) {
    List<String> out = new ArrayList<>();
    if (p != null) {
      if (p.wildcard()) {
        out.add(BARE_WILDCARD);
      }
      p.byType().forEach((type, values) -> values.forEach(v -> out.add(type + "\0" + v)));
    }
    return out;
  }

  private static NormalizedPrincipal principal(Set<String> values) {
    if (values.contains(BARE_WILDCARD)) {
      return new NormalizedPrincipal(true, new TreeMap<>());
    }
    SortedMap<String, List<String>> byType = new TreeMap<>();
    for (String v : values) {
      int zero = v.indexOf('\0');
      byType.computeIfAbsent(v.substring(0, zero), t -> new ArrayList<>())
          .add(v.substring(zero + 1));
    }
    return new NormalizedPrincipal(false, byType);
  }

  private static List<String> orAbsent(List<String> values) {
    return values.isEmpty() ? List.of("") : values;
  }

  private static List<String> present(List<String> values) {
    return values.size() == 1 && values.get(0).isEmpty() ? List.of() : List.copyOf(values);
  }
}

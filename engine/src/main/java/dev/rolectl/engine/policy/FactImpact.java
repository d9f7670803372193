package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.Facts.Key;
import dev.rolectl.engine.policy.Facts.Triple;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The access impact of a document change computed on what the documents say ({@link Facts}), so
 * that rewriting a policy without changing its meaning is NONE and adding one action while
 * splitting a statement is BROADENING. A triple that only moved to another Sid is NONE; one whose
 * Condition changed is judged by {@link ConditionDirection}; one added to (removed from) an Allow
 * broadens (narrows); Deny is the opposite. Version and Id changes are NONE.
 */
final class FactImpact {
  private FactImpact() {}

  /** {@code null} when either document is too large to expand (callers fall back). */
  static AccessImpact of(PolicyDocument before, PolicyDocument after) {
    Map<Key, Set<Triple>> a = facts(before);
    Map<Key, Set<Triple>> b = facts(after);
    if (a == null || b == null) {
      return null;
    }
    List<Map.Entry<Key, Triple>> removed = difference(a, b);
    List<Map.Entry<Key, Triple>> added = difference(b, a);
    Map<Triple, List<Key>> addedAt = new HashMap<>();
    added.forEach(e -> addedAt.computeIfAbsent(e.getValue(), t -> new ArrayList<>())
        .add(e.getKey()));
    AccessImpact out = AccessImpact.NONE;
    for (Map.Entry<Key, Triple> r : removed) {
      Key was = r.getKey();
      List<Key> now = addedAt.getOrDefault(r.getValue(), new ArrayList<>());
      Key moved = now.stream().filter(k -> sameButCondition(was, k)).findFirst().orElse(null);
      if (moved == null) {
        out = out.and(direction(was, AccessImpact.NARROWING));
      } else {
        now.remove(moved);
        AccessImpact c = was.condition().equals(moved.condition()) ? AccessImpact.NONE
            : ConditionDirection.of(was.condition(), moved.condition());
        out = out.and(direction(was, c));
      }
    }
    for (List<Key> keys : addedAt.values()) {
      for (Key k : keys) {
        out = out.and(direction(k, AccessImpact.BROADENING));
      }
    }
    return out;
  }

  private static Map<Key, Set<Triple>> facts(PolicyDocument d) {
    return d == null ? Map.of() : Facts.of(NormalizedPolicy.of(d).statements());
  }

  private static List<Map.Entry<Key, Triple>> difference(Map<Key, Set<Triple>> x,
      Map<Key, Set<Triple>> y) {
    List<Map.Entry<Key, Triple>> out = new ArrayList<>();
    x.forEach((k, triples) -> {
      Set<Triple> other = y.getOrDefault(k, Set.of());
      triples.stream().filter(t -> !other.contains(t)).forEach(t -> out.add(Map.entry(k, t)));
    });
    return out;
  }

  /** Same statement shape, ignoring Sid and Condition. */
  private static boolean sameButCondition(Key a, Key b) {
    return a.effect().equals(b.effect()) && Objects.equals(a.notPrincipal(), b.notPrincipal())
        && a.notAction().equals(b.notAction()) && a.notResource().equals(b.notResource())
        && a.hasPrincipal() == b.hasPrincipal() && a.hasAction() == b.hasAction()
        && a.hasResource() == b.hasResource();
  }

  private static AccessImpact direction(Key k, AccessImpact allowDirection) {
    return "Deny".equals(k.effect()) ? allowDirection.inverse() : allowDirection;
  }
}

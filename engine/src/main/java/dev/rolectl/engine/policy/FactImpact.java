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
 * broadens (narrows), unless an action pattern of the new document still takes it in (replacing
 * {@code sts:AssumeRole} with {@code sts:*} only broadens); Deny is the opposite. Version and Id
 * changes are NONE.
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
        if (!stillCovered(was, r.getValue(), b)) {
          out = out.and(direction(was, AccessImpact.NARROWING));
        }
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

  /**
   * Whether a triple taken away is still there through an action pattern: a statement of the same
   * shape and Condition (Sid aside) in the new document has the same principal and resource and
   * an action pattern that takes the action in ({@code sts:*} for {@code sts:AssumeRole}; action
   * names ignore case).
   */
  private static boolean stillCovered(Key was, Triple t, Map<Key, Set<Triple>> after) {
    for (Map.Entry<Key, Set<Triple>> e : after.entrySet()) {
      Key k = e.getKey();
      if (!sameButCondition(was, k) || !was.condition().equals(k.condition())) {
        continue;
      }
      for (Triple n : e.getValue()) {
        if (n.principal().equals(t.principal()) && n.resource().equals(t.resource())
            && covers(n.action(), t.action())) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether every action {@code action} names is one that {@code pattern} names. A plain action
   * is matched as IAM matches it; a pattern ({@code *}, {@code ?}) only by {@code *} or by its
   * service's {@code svc:*}: other glob containment is not decided, and "narrows" is the careful
   * answer.
   */
  static boolean covers(String pattern, String action) {
    if (pattern.isEmpty() || action.isEmpty()) {
      return false;
    }
    if (action.indexOf('*') < 0 && action.indexOf('?') < 0) {
      return IamPatterns.matches(pattern, action);
    }
    int colon = pattern.indexOf(':');
    return pattern.equals("*") || (colon > 0 && colon == pattern.length() - 2
        && pattern.endsWith(":*") && action.regionMatches(true, 0, pattern, 0, colon + 1));
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

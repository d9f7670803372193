package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedStatement;
import dev.rolectl.engine.policy.PolicyDiff.StatementChange;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Compares two versions of a policy document statement by statement. Statements are first matched
 * when equivalent (as multisets, so a duplicate counts), then by equal non-empty Sid, then when
 * only the Sid differs, then by equal Sid, Effect, Action, NotAction, Resource and NotResource
 * (differing only in Principal, NotPrincipal or Condition); what is left is added or removed.
 */
public final class StatementDiff {
  private static final Set<PolicyElement> SHAPE_CHANGES =
      EnumSet.of(PolicyElement.PRINCIPAL, PolicyElement.NOT_PRINCIPAL, PolicyElement.CONDITION);

  private static final Set<PolicyElement> SID_ONLY = EnumSet.of(PolicyElement.SID);

  private StatementDiff() {}

  /** The diff from {@code before} to {@code after}; either may be {@code null} (absent). */
  public static PolicyDiff diff(PolicyDocument before, PolicyDocument after) {
    List<Entry> old = entries(before);
    List<Entry> now = entries(after);
    match(old, now, (a, b) -> a.normal.equals(b.normal), null);
    List<StatementChange> changed = new ArrayList<>();
    match(old, now, (a, b) -> a.hasSid() && a.normal.sid().equals(b.normal.sid()), changed);
    match(old, now, (a, b) -> elements(a.normal, b.normal).equals(SID_ONLY), changed);
    match(old, now, (a, b) -> SHAPE_CHANGES.containsAll(elements(a.normal, b.normal)), changed);
    Set<PolicyElement> doc = EnumSet.noneOf(PolicyElement.class);
    if (before != null && after != null) {
      if (!Objects.equals(before.version(), after.version())) {
        doc.add(PolicyElement.VERSION);
      }
      if (!Objects.equals(before.id(), after.id())) {
        doc.add(PolicyElement.ID);
      }
    }
    changed.sort((x, y) -> Integer.compare(indexOf(now, x.after()), indexOf(now, y.after())));
    return new PolicyDiff(doc, unmatched(now), unmatched(old), changed);
  }

  /** The elements in which two normalised statements differ. */
  static Set<PolicyElement> elements(NormalizedStatement a, NormalizedStatement b) {
    Set<PolicyElement> out = EnumSet.noneOf(PolicyElement.class);
    check(out, PolicyElement.SID, a.sid(), b.sid());
    check(out, PolicyElement.EFFECT, a.effect(), b.effect());
    check(out, PolicyElement.PRINCIPAL, a.principal(), b.principal());
    check(out, PolicyElement.NOT_PRINCIPAL, a.notPrincipal(), b.notPrincipal());
    check(out, PolicyElement.ACTION, a.action(), b.action());
    check(out, PolicyElement.NOT_ACTION, a.notAction(), b.notAction());
    check(out, PolicyElement.RESOURCE, a.resource(), b.resource());
    check(out, PolicyElement.NOT_RESOURCE, a.notResource(), b.notResource());
    check(out, PolicyElement.CONDITION, a.condition(), b.condition());
    return out;
  }

  private static void check(Set<PolicyElement> out, PolicyElement e, Object a, Object b) {
    if (!Objects.equals(a, b)) {
      out.add(e);
    }
  }

  /** Pairs unmatched entries in {@code now} order; records changes when {@code changes} given. */
  private static void match(
      List<Entry> old, List<Entry> now, BiPredicate<Entry, Entry> pair, List<StatementChange> out) {
    for (Entry b : now) {
      if (b.matched) {
        continue;
      }
      for (Entry a : old) {
        if (!a.matched && pair.test(a, b)) {
          a.matched = true;
          b.matched = true;
          if (out != null) {
            out.add(new StatementChange(a.statement, b.statement, elements(a.normal, b.normal)));
          }
          break;
        }
      }
    }
  }

  private static List<Entry> entries(PolicyDocument d) {
    List<Entry> out = new ArrayList<>();
    if (d != null) {
      d.statements().forEach(s -> out.add(new Entry(s, NormalizedStatement.of(s))));
    }
    return out;
  }

  private static List<Statement> unmatched(List<Entry> entries) {
    return entries.stream().filter(e -> !e.matched).map(e -> e.statement).toList();
  }

  private static int indexOf(List<Entry> entries, Statement s) {
    for (int i = 0; i < entries.size(); i++) {
      if (entries.get(i).statement == s) {
        return i;
      }
    }
    return -1;
  }

  private static final class Entry {
    final Statement statement;
    final NormalizedStatement normal;
    boolean matched;

    Entry(Statement statement, NormalizedStatement normal) {
      this.statement = statement;
      this.normal = normal;
    }

    boolean hasSid() {
      return normal.sid() != null && !normal.sid().isEmpty();
    }
  }
}

package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.AccessImpact.BROADENING;
import static dev.rolectl.engine.policy.AccessImpact.NARROWING;
import static dev.rolectl.engine.policy.AccessImpact.NONE;

import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedPrincipal;
import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedStatement;
import dev.rolectl.engine.policy.PolicyDiff.StatementChange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The impact of one in-place statement change, element by element. */
final class ChangeImpact {
  private final Statement after;
  private final String label;
  private final List<ImpactReason> out = new ArrayList<>();

  private ChangeImpact(Statement after) {
    this.after = after;
    this.label = after.effect() + " statement" + Describe.statement(after) + ": ";
  }

  static List<ImpactReason> of(StatementChange c) {
    ChangeImpact ci = new ChangeImpact(c.after());
    ci.analyse(NormalizedStatement.of(c.before()), NormalizedStatement.of(c.after()), c);
    return ci.out;
  }

  private void analyse(NormalizedStatement a, NormalizedStatement b, StatementChange c) {
    if (c.elements().contains(PolicyElement.EFFECT)) {
      out.add(new ImpactReason(after.isDeny() ? NARROWING : BROADENING,
          label + "Effect changed from " + a.effect() + " to " + b.effect()));
      return;
    }
    if (c.elements().contains(PolicyElement.SID)) {
      out.add(new ImpactReason(NONE, label + "Sid changed"));
    }
    pair("Principal", principals(a.principal()), principals(b.principal()),
        principals(a.notPrincipal()), principals(b.notPrincipal()));
    pair("Action", Set.copyOf(a.action()), Set.copyOf(b.action()),
        Set.copyOf(a.notAction()), Set.copyOf(b.notAction()));
    pair("Resource", Set.copyOf(a.resource()), Set.copyOf(b.resource()),
        Set.copyOf(a.notResource()), Set.copyOf(b.notResource()));
    ConditionImpact.compare(a.condition(), b.condition())
        .forEach(r -> add(r.impact(), r.description()));
  }

  /** An element and its Not form: a switch between them, or values added and removed. */
  private void pair(String name, Set<String> pos0, Set<String> pos1, Set<String> neg0,
      Set<String> neg1) {
    if (!pos0.isEmpty() && pos1.isEmpty() && neg0.isEmpty() && !neg1.isEmpty()) {
      add(BROADENING, name + " replaced by Not" + name + " (now everything except "
          + String.join(", ", new TreeSet<>(neg1)) + ")");
      return;
    }
    if (pos0.isEmpty() && !pos1.isEmpty() && !neg0.isEmpty() && neg1.isEmpty()) {
      add(NARROWING, "Not" + name + " replaced by " + name);
      return;
    }
    values(name, pos0, pos1, BROADENING);
    values("Not" + name, neg0, neg1, NARROWING);
  }

  private void values(String name, Set<String> before, Set<String> now, AccessImpact onAdd) {
    Set<String> added = new TreeSet<>(now);
    added.removeAll(before);
    Set<String> removed = new TreeSet<>(before);
    removed.removeAll(now);
    if (!added.isEmpty()) {
      add(onAdd, name + " added: " + String.join(", ", added));
    }
    if (!removed.isEmpty()) {
      add(onAdd.inverse(), name + " removed: " + String.join(", ", removed));
    }
  }

  private void add(AccessImpact allowDirection, String what) {
    out.add(new ImpactReason(ImpactAnalysis.direction(after, allowDirection), label + what));
  }

  /** A principal as a set of "Type:value" strings ({@code *} for the bare wildcard). */
  private static Set<String> principals(NormalizedPrincipal p) {
    Set<String> out = new TreeSet<>();
    if (p != null) {
      if (p.wildcard()) {
        out.add("*");
      }
      for (Map.Entry<String, List<String>> e : p.byType().entrySet()) {
        e.getValue().forEach(v -> out.add(e.getKey() + ":" + v));
      }
    }
    return out;
  }

}

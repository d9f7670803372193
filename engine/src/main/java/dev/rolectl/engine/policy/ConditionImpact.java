package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.AccessImpact.BROADENING;
import static dev.rolectl.engine.policy.AccessImpact.MIXED;
import static dev.rolectl.engine.policy.AccessImpact.NARROWING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeSet;

/**
 * How a Condition change affects an Allow statement: a key removed broadens, a key added
 * narrows; values added to a matching operator (StringEquals, ArnLike, IpAddress...) broaden and
 * to a negated one (StringNotEquals, NotIpAddress...) narrow; value changes of other operators
 * (Bool, Null, Numeric, Date) are MIXED.
 */
final class ConditionImpact {
  private ConditionImpact() {}

  static List<ImpactReason> compare(
      SortedMap<String, SortedMap<String, List<String>>> before,
      SortedMap<String, SortedMap<String, List<String>>> after) {
    List<ImpactReason> out = new ArrayList<>();
    Set<String> ops = new TreeSet<>(before.keySet());
    ops.addAll(after.keySet());
    for (String op : ops) {
      Map<String, List<String>> a = before.getOrDefault(op, java.util.Collections.emptySortedMap());
      Map<String, List<String>> b = after.getOrDefault(op, java.util.Collections.emptySortedMap());
      Set<String> keys = new TreeSet<>(a.keySet());
      keys.addAll(b.keySet());
      for (String key : keys) {
        String name = "condition " + op + " " + key;
        if (!b.containsKey(key)) {
          out.add(new ImpactReason(BROADENING, name + " removed"));
        } else if (!a.containsKey(key)) {
          out.add(new ImpactReason(NARROWING, name + " added"));
        } else if (!a.get(key).equals(b.get(key))) {
          out.add(new ImpactReason(valuesChanged(op, Set.copyOf(a.get(key)),
              Set.copyOf(b.get(key))), name + " values changed from " + a.get(key) + " to "
              + b.get(key)));
        }
      }
    }
    return out;
  }

  private static AccessImpact valuesChanged(String op, Set<String> a, Set<String> b) {
    boolean added = !a.containsAll(b);
    boolean removed = !b.containsAll(a);
    String base = op.replaceFirst("^For(All|Any)Values?:", "").replaceFirst("IfExists$", "");
    AccessImpact onAdd;
    if (base.startsWith("StringNot") || base.startsWith("ArnNot") || base.equals("NotIpAddress")) {
      onAdd = NARROWING;
    } else if (base.startsWith("String") || base.startsWith("Arn") || base.equals("IpAddress")
        || base.equals("BinaryEquals")) {
      onAdd = BROADENING;
    } else {
      return MIXED;
    }
    AccessImpact out = AccessImpact.NONE;
    if (added) {
      out = out.and(onAdd);
    }
    if (removed) {
      out = out.and(onAdd.inverse());
    }
    return out;
  }
}

package dev.rolectl.engine.apply;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.PolicyEquivalence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Says which roles and policies changed between the live state a saved plan was made from and
 * the live state now (the {@code before}s of the file's changes and of the fresh plan's), for the
 * stale-plan message.
 */
final class StaleDetails {
  private static final int MAX_NAMED = 5;

  private StaleDetails() {}

  static String describe(Plan claimed, Plan fresh) {
    Map<Address, Resource> was = tops(claimed);
    Map<Address, Resource> is = tops(fresh);
    Map<Address, Boolean> all = new TreeMap<>();
    was.keySet().forEach(a -> all.put(a, true));
    is.keySet().forEach(a -> all.put(a, true));
    List<String> found = new ArrayList<>();
    for (Address a : all.keySet()) {
      Resource before = was.get(a);
      Resource now = is.get(a);
      Resource any = before != null ? before : now;
      String what = (any instanceof Role ? "role " : "policy ")
          + (any instanceof Role r ? r.name() : ((ManagedPolicy) any).name());
      if (before != null && now == null) {
        found.add(what + " was deleted");
      } else if (before == null && now != null) {
        found.add(what + " was created");
      } else if (changed(before, now)) {
        found.add(what + " changed");
      }
    }
    if (found.isEmpty()) {
      return "an attachment or inline policy of a role or policy in the stack's scope changed";
    }
    String named = found.stream().limit(MAX_NAMED).collect(Collectors.joining(", "));
    return found.size() > MAX_NAMED ? named + " and " + (found.size() - MAX_NAMED) + " more" : named;
  }

  private static boolean changed(Resource was, Resource now) {
    if (was instanceof Role a && now instanceof Role b) {
      return !a.path().equals(b.path())
          || !Objects.equals(blank(a.description()), blank(b.description()))
          || a.maxSessionDuration() != b.maxSessionDuration()
          || !Objects.equals(a.permissionsBoundary(), b.permissionsBoundary())
          || !a.tags().equals(b.tags())
          || !PolicyEquivalence.equivalent(a.trustPolicy(), b.trustPolicy());
    }
    if (was instanceof ManagedPolicy a && now instanceof ManagedPolicy b) {
      return !a.path().equals(b.path())
          || !Objects.equals(blank(a.description()), blank(b.description()))
          || !a.tags().equals(b.tags())
          || !PolicyEquivalence.equivalent(a.document(), b.document());
    }
    return true;
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  /** The live roles and policies a plan saw (its changes' {@code before}s), by address. */
  private static Map<Address, Resource> tops(Plan plan) {
    Map<Address, Resource> out = new TreeMap<>();
    for (ResourceChange c : plan.changes()) {
      Resource b = c.before();
      if (b instanceof Role || b instanceof ManagedPolicy) {
        out.put(b.address(), b);
      }
    }
    return out;
  }
}

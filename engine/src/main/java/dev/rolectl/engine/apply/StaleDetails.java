package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.PolicyEquivalence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Says which roles and policies changed since a plan was made, for the stale-plan message. */
final class StaleDetails {
  private static final int MAX_NAMED = 5;

  private StaleDetails() {}

  static String describe(Plan plan, LiveAccount live) {
    Map<Address, Resource> before = new HashMap<>();
    plan.changes().stream().filter(c -> c.before() != null).forEach(c -> before.put(c.address(), c.before()));
    List<String> found = new ArrayList<>();
    Set<String> roleNames = new TreeSet<>();
    Set<String> policyNames = new TreeSet<>();
    for (ResourceChange c : plan.changes()) {
      Resource r = c.after() != null ? c.after() : c.before();
      if (r instanceof Role role) {
        roleNames.add(role.name());
      } else if (r instanceof ManagedPolicy p) {
        policyNames.add(p.name());
      }
    }
    live.roles().values().stream().filter(r -> StalePlan.inScope(plan, r)).forEach(r -> roleNames.add(r.name()));
    live.policies().values().stream().filter(p -> StalePlan.inScope(plan, p)).forEach(p -> policyNames.add(p.name()));
    for (String name : roleNames) {
      Role was = (Role) before.get(Address.role(name));
      LiveRole now = live.roles().get(name);
      now = now != null && StalePlan.inScope(plan, now) ? now : null;
      state("role", name, was != null, now != null, now != null && was != null && roleChanged(was, now, before))
          .ifPresent(found::add);
    }
    for (String name : policyNames) {
      ManagedPolicy was = (ManagedPolicy) before.get(Address.policy(name));
      LiveManagedPolicy now = live.policies().get(name);
      now = now != null && StalePlan.inScope(plan, now) ? now : null;
      boolean changed =
          now != null && was != null
              && (!PolicyEquivalence.equivalent(was.document(), now.defaultDocument())
                  || !was.tags().equals(now.tags())
                  || !was.path().equals(now.path()));
      state("policy", name, was != null, now != null, changed).ifPresent(found::add);
    }
    if (found.isEmpty()) {
      return "an attachment of a role or policy in the stack's scope changed";
    }
    String named = found.stream().limit(MAX_NAMED).collect(Collectors.joining(", "));
    return found.size() > MAX_NAMED ? named + " and " + (found.size() - MAX_NAMED) + " more" : named;
  }

  private static java.util.Optional<String> state(
      String kind, String name, boolean was, boolean is, boolean changed) {
    if (was && !is) {
      return java.util.Optional.of(kind + " " + name + " was deleted");
    }
    if (!was && is) {
      return java.util.Optional.of(kind + " " + name + " was created");
    }
    return changed ? java.util.Optional.of(kind + " " + name + " changed") : java.util.Optional.empty();
  }

  private static boolean roleChanged(Role was, LiveRole now, Map<Address, Resource> before) {
    if (!was.path().equals(now.path())
        || !Objects.equals(blank(was.description()), blank(now.description()))
        || was.maxSessionDuration() != now.maxSessionDuration()
        || !Objects.equals(was.permissionsBoundary(), now.permissionsBoundaryArn())
        || !was.tags().equals(now.tags())
        || !PolicyEquivalence.equivalent(was.trustPolicy(), now.trustPolicy())) {
      return true;
    }
    Set<String> attachedBefore = new TreeSet<>();
    Map<String, InlinePolicy> inlineBefore = new HashMap<>();
    before.values().forEach(r -> {
      if (r instanceof RolePolicyAttachment a && a.roleName().equals(was.name())) {
        attachedBefore.add(a.policyArn());
      } else if (r instanceof InlinePolicy i && i.roleName().equals(was.name())) {
        inlineBefore.put(i.policyName(), i);
      }
    });
    if (!attachedBefore.equals(new TreeSet<>(now.attachedPolicyArns()))
        || !inlineBefore.keySet().equals(now.inlinePolicies().keySet())) {
      return true;
    }
    return inlineBefore.values().stream()
        .anyMatch(i -> !PolicyEquivalence.equivalent(i.document(), now.inlinePolicies().get(i.policyName())));
  }

  private static String blank(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

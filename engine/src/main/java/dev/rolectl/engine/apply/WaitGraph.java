package dev.rolectl.engine.apply;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.RemovalOrder;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which changes wait for which (Terraform's apply graph, for IAM):
 *
 * <ul>
 *   <li>a create, update, adopt or replace waits for the creates, updates, adopts and replaces of
 *       what it depends on ({@link ResourceChange#dependsOn()});
 *   <li>a delete waits for the deletes of what depends on it (destroy edges are the reverse of
 *       create edges): attachments and inline policies go before their role, attachments before
 *       their policy;
 *   <li>a replace (delete then create) also waits for the deletes of what depends on it;
 *   <li>the removal of an attachment or inline policy of a role waits for the creates and
 *       updates of its siblings (same role), so that the role's access never dips ({@link
 *       RemovalOrder}); a removal the plan marks {@link RemovalOrder#removesFirst} (a quota would
 *       be exceeded otherwise) goes the other way: the creates and updates wait for it, as they
 *       do when the role is replaced (it has no access to keep while it is re-created).
 *   <li>a policy delete waits for the role changes that take it away as a permissions boundary.
 * </ul>
 *
 * No-ops are not nodes. Edges only point from changes to changes, so a valid plan has no cycle.
 */
final class WaitGraph {
  private WaitGraph() {}

  /** Address of each effective change to the addresses it waits for (plan order kept). */
  static Map<Address, Set<Address>> of(List<ResourceChange> changes) {
    Map<Address, ResourceChange> byAddress = new LinkedHashMap<>();
    changes.stream().filter(c -> c.action().isChange()).forEach(c -> byAddress.put(c.address(), c));
    Map<Address, Set<Address>> waits = new LinkedHashMap<>();
    byAddress.keySet().forEach(a -> waits.put(a, new TreeSet<>()));
    for (ResourceChange c : byAddress.values()) {
      if (builds(c.action())) {
        for (Address d : c.dependsOn()) {
          ResourceChange dep = byAddress.get(d);
          if (dep != null && builds(dep.action())) {
            waits.get(c.address()).add(d);
          }
        }
      }
      if (c.action() == Action.DELETE) {
        for (Address d : c.dependsOn()) {
          ResourceChange dep = byAddress.get(d);
          if (dep != null && (dep.action() == Action.DELETE || dep.action() == Action.REPLACE)) {
            waits.get(d).add(c.address()); // the dependency is deleted after its dependent
          }
        }
      }
    }
    addBeforeRemove(byAddress, waits);
    boundariesFreedFirst(byAddress, waits);
    return waits;
  }

  /**
   * A policy is deleted (or replaced) after the changes of this plan that take it away as a
   * role's permissions boundary: IAM refuses {@code DeletePolicy} while it is one.
   */
  private static void boundariesFreedFirst(
      Map<Address, ResourceChange> byAddress, Map<Address, Set<Address>> waits) {
    for (ResourceChange p : byAddress.values()) {
      if (!(p.before() instanceof ManagedPolicy policy)
          || (p.action() != Action.DELETE && p.action() != Action.REPLACE)) {
        continue;
      }
      String suffix = ":policy" + policy.path() + policy.name();
      for (ResourceChange r : byAddress.values()) {
        if (r.before() instanceof Role role
            && r.action() != Action.CREATE
            && role.permissionsBoundary() != null
            && role.permissionsBoundary().toLowerCase(java.util.Locale.ROOT)
                .endsWith(suffix.toLowerCase(java.util.Locale.ROOT))
            && (r.after() == null
                || !role.permissionsBoundary().equals(((Role) r.after()).permissionsBoundary()))) {
          waits.get(p.address()).add(r.address());
        }
      }
    }
  }

  private static void addBeforeRemove(
      Map<Address, ResourceChange> byAddress, Map<Address, Set<Address>> waits) {
    Map<Address, Set<Address>> addsByRole = new LinkedHashMap<>();
    for (ResourceChange c : byAddress.values()) {
      Address role = roleOf(c);
      if (role != null && (c.action() == Action.CREATE || c.action() == Action.UPDATE)) {
        addsByRole.computeIfAbsent(role, p -> new TreeSet<>()).add(c.address());
      }
    }
    for (ResourceChange c : byAddress.values()) {
      Address role = roleOf(c);
      if (role == null || c.action() != Action.DELETE) {
        continue;
      }
      ResourceChange parent = byAddress.get(role);
      boolean roleGoes = parent != null && parent.action() == Action.REPLACE;
      for (Address add : addsByRole.getOrDefault(role, Set.of())) {
        if (roleGoes || RemovalOrder.removesFirst(c)) {
          waits.get(add).add(c.address());
        } else {
          waits.get(c.address()).add(add);
        }
      }
    }
  }

  /** The role of an attachment or inline policy of a role; null for anything else. */
  private static Address roleOf(ResourceChange c) {
    Resource r = c.after() != null ? c.after() : c.before();
    return r instanceof RolePolicyAttachment || r instanceof InlinePolicy ? parent(c) : null;
  }

  /** The role or policy an attachment or inline policy belongs to; null for roles and policies. */
  static Address parent(ResourceChange c) {
    Resource r = c.after() != null ? c.after() : c.before();
    if (r instanceof RolePolicyAttachment a) {
      return Address.role(a.roleName());
    }
    if (r instanceof InlinePolicy i) {
      return Address.role(i.roleName());
    }
    if (r instanceof PrincipalPolicyAttachment p) {
      return Address.policy(p.policyName());
    }
    return null;
  }

  static boolean builds(Action a) {
    return a == Action.CREATE || a == Action.UPDATE || a == Action.ADOPT || a == Action.REPLACE;
  }
}

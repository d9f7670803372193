package dev.rolectl.engine.access;

import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Which principals each change can alter: a role's own parts reach the role; a customer managed
 * policy reaches every principal it is attached to or bounds (a group's users through the group)
 * in either view; an attachment reaches its principal. Only principals whose compiled policies
 * really differ between the views are kept.
 */
final class Affected {
  private Affected() {}

  /** Principal key ({@code user/NAME}, {@code role/NAME}) to the addresses of its changes. */
  static Map<String, Set<String>> of(AccountView before, AccountView after,
      List<AccessChange> changes) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (AccessChange c : changes) {
      for (Resource r : java.util.Arrays.asList(c.before(), c.after())) {
        if (r == null) {
          continue;
        }
        for (AccountView v : List.of(before, after)) {
          for (String key : reached(v, r)) {
            out.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(c.address());
          }
        }
      }
    }
    out.keySet().removeIf(k -> Objects.equals(before.subject(k), after.subject(k)));
    return out;
  }

  /** Role keys (lower-case names) whose trust or existence a change alters, to its addresses. */
  static Map<String, Set<String>> roles(List<AccessChange> changes) {
    Map<String, Set<String>> out = new LinkedHashMap<>();
    for (AccessChange c : changes) {
      Resource r = c.after() != null ? c.after() : c.before();
      if (r instanceof Role role) {
        boolean same = c.before() instanceof Role b && c.after() instanceof Role a
            && Objects.equals(b.trustPolicy(), a.trustPolicy()) && b.name().equals(a.name())
            && b.path().equals(a.path()) && Objects.equals(b.tags(), a.tags());
        if (!same) {
          out.computeIfAbsent(AccountView.key(role.name()), k -> new LinkedHashSet<>())
              .add(c.address());
        }
      }
    }
    return out;
  }

  private static Set<String> reached(AccountView v, Resource r) {
    Set<String> out = new LinkedHashSet<>();
    if (r instanceof Role x) {
      out.add("role/" + AccountView.key(x.name()));
    } else if (r instanceof InlinePolicy x) {
      out.add("role/" + AccountView.key(x.roleName()));
    } else if (r instanceof RolePolicyAttachment x) {
      out.add("role/" + AccountView.key(x.roleName()));
    } else if (r instanceof PrincipalPolicyAttachment x) {
      String name = AccountView.key(x.principalName());
      if (x.principalType() == PrincipalType.GROUP) {
        out.addAll(members(v, name));
      } else {
        out.add((x.principalType() == PrincipalType.USER ? "user/" : "role/") + name);
      }
    } else if (r instanceof ManagedPolicy x) {
      out.addAll(using(v, x.arn(v.partition, v.accountId)));
    }
    return out;
  }

  /** Every principal the policy is attached to or bounds. */
  private static Set<String> using(AccountView v, String arn) {
    Set<String> out = new LinkedHashSet<>();
    v.roles.forEach((k, r) -> {
      if (r.attached.contains(arn) || arn.equals(r.boundaryArn)) {
        out.add("role/" + k);
      }
    });
    v.users.forEach((k, u) -> {
      if (u.attachedPolicyArns().contains(arn) || arn.equals(u.permissionsBoundaryArn())) {
        out.add("user/" + k);
      }
    });
    v.groups.forEach((k, g) -> {
      if (g.attachedPolicyArns().contains(arn)) {
        out.addAll(members(v, k));
      }
    });
    return out;
  }

  private static Set<String> members(AccountView v, String group) {
    Set<String> out = new LinkedHashSet<>();
    for (Map.Entry<String, LivePrincipal> e : v.users.entrySet()) {
      if (e.getValue().groups().stream().anyMatch(g -> AccountView.key(g).equals(group))) {
        out.add("user/" + e.getKey());
      }
    }
    return out;
  }
}

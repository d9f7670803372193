package dev.rolectl.engine.access;

import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account as it will be once a plan's changes are made: every change's {@code before} taken
 * away first (a deleted customer managed policy is detached from every principal, as IAM's
 * DeletePolicy requires), then every {@code after} put in.
 */
final class PlannedView {
  private final AccountView base;
  private final Map<String, RoleState> roles = new LinkedHashMap<>();
  private final Map<String, LivePrincipal> users;
  private final Map<String, LivePrincipal> groups;
  private final Map<String, PolicyDocument> policies;

  private PlannedView(AccountView base) {
    this.base = base;
    base.roles.forEach((k, r) -> roles.put(k, r.copy()));
    users = new LinkedHashMap<>(base.users);
    groups = new LinkedHashMap<>(base.groups);
    policies = new HashMap<>(base.policies);
  }

  static AccountView of(AccountView base, List<AccessChange> changes) {
    PlannedView p = new PlannedView(base);
    changes.stream().filter(c -> c.before() != null).forEach(c -> p.remove(c.before(), c.after()));
    changes.stream().filter(c -> c.after() != null).forEach(c -> p.add(c.after()));
    return new AccountView(base.partition, base.accountId, p.roles, p.users, p.groups, p.policies,
        base.unreadablePolicies, base.cache);
  }

  private void remove(Resource before, Resource after) {
    if (before instanceof Role r) {
      if (!(after instanceof Role)) {
        roles.remove(AccountView.key(r.name()));
      }
    } else if (before instanceof InlinePolicy i) {
      existing(i.roleName()).ifPresent(s -> s.inline.remove(i.policyName()));
    } else if (before instanceof RolePolicyAttachment a) {
      existing(a.roleName()).ifPresent(s -> s.attached.remove(a.policyArn()));
    } else if (before instanceof ManagedPolicy m) {
      String arn = m.arn(base.partition, base.accountId);
      policies.remove(arn);
      if (after == null) {
        detachEverywhere(arn);
      }
    } else if (before instanceof PrincipalPolicyAttachment a) {
      attach(a, false);
    }
  }

  private void add(Resource after) {
    if (after instanceof Role r) {
      RoleState s = roles.computeIfAbsent(AccountView.key(r.name()), k -> new RoleState(r.name()));
      s.path = r.path();
      s.arn = r.arn(base.partition, base.accountId);
      s.trust = r.trustPolicy();
      s.boundaryArn = r.permissionsBoundary();
      s.tags = r.tags();
      s.unreadable = null;
    } else if (after instanceof InlinePolicy i) {
      role(i.roleName()).inline.put(i.policyName(), i.document());
    } else if (after instanceof RolePolicyAttachment a) {
      RoleState s = role(a.roleName());
      if (!s.attached.contains(a.policyArn())) {
        s.attached.add(a.policyArn());
      }
    } else if (after instanceof ManagedPolicy m) {
      policies.put(m.arn(base.partition, base.accountId), m.document());
    } else if (after instanceof PrincipalPolicyAttachment a) {
      attach(a, true);
    }
  }

  private java.util.Optional<RoleState> existing(String name) {
    return java.util.Optional.ofNullable(roles.get(AccountView.key(name)));
  }

  /** The role's state (made when the plan creates it and its parts come first). */
  private RoleState role(String name) {
    return roles.computeIfAbsent(AccountView.key(name), k -> {
      RoleState s = new RoleState(name);
      s.path = "/";
      return s;
    });
  }

  private void attach(PrincipalPolicyAttachment a, boolean on) {
    if (a.principalType() == PrincipalType.ROLE) {
      existing(a.principalName()).ifPresent(s -> {
        s.attached.remove(a.policyArn());
        if (on) {
          s.attached.add(a.policyArn());
        }
      });
      return;
    }
    Map<String, LivePrincipal> map = a.principalType() == PrincipalType.USER ? users : groups;
    String key = AccountView.key(a.principalName());
    LivePrincipal p = map.get(key);
    if (p == null) {
      p = new LivePrincipal(a.principalType(), a.principalName(), List.of());
    }
    List<String> arns = new ArrayList<>(p.attachedPolicyArns());
    arns.remove(a.policyArn());
    if (on) {
      arns.add(a.policyArn());
    }
    map.put(key, p.withAttached(arns, p.permissionsBoundaryArn()));
  }

  private void detachEverywhere(String arn) {
    roles.values().forEach(r -> r.attached.remove(arn));
    for (Map<String, LivePrincipal> map : List.of(users, groups)) {
      map.replaceAll((k, p) -> {
        List<String> arns = new ArrayList<>(p.attachedPolicyArns());
        arns.remove(arn);
        return p.withAttached(arns, p.permissionsBoundaryArn());
      });
    }
  }
}

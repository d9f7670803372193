package dev.rolectl.engine.access;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An account's users, groups, roles and customer managed policies, as the live read has them
 * ({@link #of}) or as they will be once a plan is applied ({@link PlannedView}). Principals are
 * compiled into {@link Subject}s on first use. Keys are lower case: {@code role/NAME}, {@code
 * user/NAME} (IAM names are unique ignoring case).
 */
final class AccountView {
  final String partition;
  final String accountId;
  final Map<String, RoleState> roles;
  final Map<String, LivePrincipal> users;
  final Map<String, LivePrincipal> groups;
  /** Customer managed policy ARN to its default document. */
  final Map<String, PolicyDocument> policies;
  /** ARNs of customer managed policies whose document could not be read, to why. */
  final Map<String, String> unreadablePolicies;
  /** Compiled documents, shared with the other view of the same analysis. */
  final RuleCache cache;
  private final Map<String, Subject> subjects = new HashMap<>();
  private final Map<String, List<Rule>> trusts = new HashMap<>();
  private Map<String, java.util.Set<String>> byAction;
  private Map<String, String> keysByArn;

  AccountView(String partition, String accountId, Map<String, RoleState> roles,
      Map<String, LivePrincipal> users, Map<String, LivePrincipal> groups,
      Map<String, PolicyDocument> policies, Map<String, String> unreadablePolicies,
      RuleCache cache) {
    this.cache = cache;
    this.partition = partition;
    this.accountId = accountId;
    this.roles = roles;
    this.users = users;
    this.groups = groups;
    this.policies = policies;
    this.unreadablePolicies = unreadablePolicies;
  }

  static AccountView of(LiveAccount live) {
    // in name order: what is listed from them (who can pass or assume a role) is then in an order
    // that does not depend on how the live read keeps them
    Map<String, RoleState> roles = new java.util.TreeMap<>();
    for (LiveRole r : live.roles().values()) {
      RoleState s = new RoleState(r.name());
      s.path = r.path();
      s.arn = r.arn();
      s.trust = r.trustPolicy();
      s.boundaryArn = r.permissionsBoundaryArn();
      s.attached.addAll(r.attachedPolicyArns());
      s.inline.putAll(r.inlinePolicies());
      s.tags = r.tags();
      roles.put(key(r.name()), s);
    }
    Map<String, String> unreadable = new HashMap<>();
    for (UnreadableDocument u : live.unreadable()) {
      if (u.kind() == UnreadableDocument.Kind.ROLE) {
        RoleState s = new RoleState(u.name());
        s.arn = u.arn();
        s.unreadable = u.problem();
        roles.put(key(u.name()), s);
      } else {
        unreadable.put(u.arn(), u.problem());
      }
    }
    Map<String, LivePrincipal> users = new java.util.TreeMap<>();
    Map<String, LivePrincipal> groups = new java.util.TreeMap<>();
    for (LivePrincipal p : live.principals()) {
      (p.type() == PrincipalType.GROUP ? groups : users).put(key(p.name()), p);
    }
    Map<String, PolicyDocument> policies = new HashMap<>();
    live.policies().values().forEach(p -> policies.put(p.arn(), p.defaultDocument()));
    return new AccountView(live.partition(), live.accountId(), roles, users, groups, policies,
        unreadable, new RuleCache());
  }

  static String key(String name) {
    return name.toLowerCase(Locale.ROOT);
  }

  /** Every user and role, as {@code user/NAME} and {@code role/NAME}. */
  List<String> subjectKeys() {
    List<String> out = new ArrayList<>();
    users.keySet().forEach(u -> out.add("user/" + u));
    roles.keySet().forEach(r -> out.add("role/" + r));
    return out;
  }

  /** The compiled principal, or {@code null} when it does not exist. */
  Subject subject(String key) {
    return subjects.computeIfAbsent(key, k -> Subjects.compile(this, k));
  }

  /**
   * The users and roles with an Allow that may cover {@code action} ({@code iam:passrole} or
   * {@code sts:assumerole}) in their own policies: who is worth asking about it. Compiles every
   * principal once.
   */
  java.util.Set<String> mayDo(String action) {
    if (byAction == null) {
      byAction = new HashMap<>();
    }
    return byAction.computeIfAbsent(action, a -> {
      java.util.Set<String> out = new java.util.LinkedHashSet<>();
      users.forEach((k, u) -> {
        boolean may = own(u, a);
        for (String g : u.groups()) {
          LivePrincipal group = groups.get(key(g));
          may |= group == null || own(group, a);
        }
        if (may) {
          out.add("user/" + k);
        }
      });
      roles.forEach((k, r) -> {
        boolean may = r.unreadable != null
            || r.inline.values().stream().anyMatch(d -> cache.mayAllow(d, a))
            || r.attached.stream().anyMatch(arn -> managedMayAllow(arn, a));
        if (may) {
          out.add("role/" + k);
        }
      });
      return out;
    });
  }

  private boolean own(LivePrincipal p, String action) {
    return !p.unreadablePolicies().isEmpty()
        || p.inlinePolicies().values().stream().anyMatch(d -> cache.mayAllow(d, action))
        || p.attachedPolicyArns().stream().anyMatch(arn -> managedMayAllow(arn, action));
  }

  /** Whether the managed policy may allow the action (one whose document is unknown may). */
  private boolean managedMayAllow(String arn, String action) {
    PolicyDocument d = policies.get(arn);
    if (d == null && arn.contains(":iam::aws:policy/")) {
      d = ManagedDocuments.find(arn);
      if (d == null) {
        return true;
      }
    }
    if (d == null) {
      return unreadablePolicies.containsKey(arn);
    }
    return cache.mayAllow(d, action);
  }

  /** The key of the user or role with this ARN, or {@code null}. */
  String keyOfArn(String arn) {
    if (keysByArn == null) {
      keysByArn = new HashMap<>();
      users.forEach((k, u) -> keysByArn.put(u.arn(partition, accountId), "user/" + k));
      roles.forEach((k, r) -> keysByArn.put(roleArn(r), "role/" + k));
    }
    return keysByArn.get(arn);
  }

  /** The role's trust policy compiled, or {@code null} when there is no such role. */
  List<Rule> trust(String roleKey) {
    RoleState r = roles.get(roleKey);
    return r == null ? null : trusts.computeIfAbsent(roleKey, k -> RoleFacts.trust(r));
  }

  /** {@code arn:PARTITION:iam::ACCOUNT:role/PATH/NAME} for a role state without an ARN yet. */
  String roleArn(RoleState r) {
    return r.arn != null ? r.arn : "arn:" + partition + ":iam::" + accountId + ":role" + r.path + r.name;
  }
}

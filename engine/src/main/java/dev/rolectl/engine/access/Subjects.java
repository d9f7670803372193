package dev.rolectl.engine.access;

import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.model.PolicyDocument;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Compiles a user or role of an {@link AccountView} into a {@link Subject}. */
final class Subjects {
  private Subjects() {}

  /** {@code key} is {@code user/NAME} or {@code role/NAME}; {@code null} when there is none. */
  static Subject compile(AccountView v, String key) {
    int slash = key.indexOf('/');
    String kind = key.substring(0, slash);
    String name = key.substring(slash + 1);
    if (kind.equals("role")) {
      RoleState r = v.roles.get(name);
      return r == null ? null : role(v, r);
    }
    LivePrincipal u = v.users.get(name);
    return u == null ? null : user(v, u);
  }

  private static Subject role(AccountView v, RoleState r) {
    String arn = v.roleArn(r);
    Map<String, String> keys = principalKeys(arn, v.accountId, "AssumedRole", r.tags);
    Who who = new Who(Who.Kind.ROLE, "role " + r.name, arn, v.accountId, keys);
    List<Rule> identity = new ArrayList<>();
    if (r.unreadable != null) {
      String what = "role " + r.name + "'s policies (could not be read)";
      identity.add(Rule.opaque(true, what, "role " + r.name));
      identity.add(Rule.opaque(false, what, "role " + r.name));
      return new Subject(who, identity, null);
    }
    r.inline.forEach((n, doc) ->
        identity.addAll(v.cache.compile(doc, "inline policy " + n + " of role " + r.name, keys)));
    r.attached.forEach(arnOf -> identity.addAll(managed(v, arnOf, keys)));
    return new Subject(who, identity, boundary(v, r.boundaryArn, keys));
  }

  private static Subject user(AccountView v, LivePrincipal u) {
    String arn = u.arn(v.partition, v.accountId);
    Map<String, String> keys = principalKeys(arn, v.accountId, "User", u.tags());
    keys.put("aws:username", u.name());
    Who who = new Who(Who.Kind.USER, "user " + u.name(), arn, v.accountId, keys);
    List<Rule> identity = new ArrayList<>(own(v, u, "user " + u.name(), keys));
    for (String g : u.groups()) {
      LivePrincipal group = v.groups.get(AccountView.key(g));
      if (group == null) {
        String what = "group " + g + " (not read)";
        identity.add(Rule.opaque(true, what, what));
        identity.add(Rule.opaque(false, what, what));
      } else {
        identity.addAll(own(v, group, "group " + group.name(), keys));
      }
    }
    return new Subject(who, identity, boundary(v, u.permissionsBoundaryArn(), keys));
  }

  /** A user's or group's own inline and attached policies. */
  private static List<Rule> own(AccountView v, LivePrincipal p, String owner,
      Map<String, String> keys) {
    List<Rule> out = new ArrayList<>();
    p.inlinePolicies().forEach((n, doc) ->
        out.addAll(v.cache.compile(doc, "inline policy " + n + " of " + owner, keys)));
    p.unreadablePolicies().keySet().forEach(n -> {
      String what = "inline policy " + n + " of " + owner + " (could not be read)";
      out.add(Rule.opaque(true, what, what));
      out.add(Rule.opaque(false, what, what));
    });
    p.attachedPolicyArns().forEach(arn -> out.addAll(managed(v, arn, keys)));
    return out;
  }

  private static List<Rule> boundary(AccountView v, String arn, Map<String, String> keys) {
    return arn == null ? null : managed(v, arn, keys);
  }

  /** A managed policy's statements; one whose document is not known may allow or deny anything. */
  static List<Rule> managed(AccountView v, String arn, Map<String, String> keys) {
    PolicyDocument doc = v.policies.get(arn);
    String source = "managed policy " + arn;
    if (doc != null) {
      return v.cache.compile(doc, source, keys);
    }
    String what;
    if (arn.startsWith("arn:") && arn.contains(":iam::aws:policy/")) {
      PolicyDocument known = ManagedDocuments.find(arn);
      if (known != null) {
        return v.cache.compile(known, source, keys);
      }
      what = "AWS managed policy " + arn.substring(arn.lastIndexOf('/') + 1)
          + " (its document is not known offline)";
    } else if (v.unreadablePolicies.containsKey(arn)) {
      what = "customer managed policy " + arn + " (its document could not be read)";
    } else {
      return List.of(); // no such policy (any more): it grants nothing
    }
    return List.of(Rule.opaque(true, what, source), Rule.opaque(false, what, source));
  }

  /** The principal condition keys of a user's or role's requests (lower case). */
  static Map<String, String> principalKeys(String arn, String accountId, String type,
      Map<String, String> tags) {
    Map<String, String> keys = new HashMap<>();
    keys.put("aws:principalarn", arn);
    keys.put("aws:principalaccount", accountId);
    keys.put("aws:principaltype", type);
    keys.put("aws:principalisawsservice", "false");
    tags.forEach((k, val) -> keys.put("aws:principaltag/" + k.toLowerCase(Locale.ROOT), val));
    return keys;
  }
}

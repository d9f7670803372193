package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Writes a state read from an account file back as that file plus exactly what changed: the tree
 * as read ({@link AccountSource}) is copied, and only the fields of roles, customer managed
 * policies, users and groups whose modelled value differs between the account as read and the
 * account now are rewritten; within lists (tags, attachments, inline policies, instance profiles,
 * policy versions) unchanged elements keep their fields and order. Entries removed are dropped,
 * new ones put in name order (a sorted file stays sorted). Everything else (users' and groups' inline policies,
 * memberships, ids, dates, AWS managed policies, entries rolectl cannot model, fields it does not
 * know, top-level fields) is kept as it was. A replaced role or policy (a new entity of the same
 * name) is written anew in its place.
 */
final class AccountFileMerge {
  private final LiveAccount before;
  private final LiveAccount after;

  private AccountFileMerge(LiveAccount before, LiveAccount after) {
    this.before = before;
    this.after = after;
  }

  static ObjectNode merge(LocalState state) {
    AccountSource source = state.source();
    ObjectNode root = source.tree().deepCopy();
    AccountFileMerge m = new AccountFileMerge(source.read(), state.account());
    if (state.takenAt() != null) {
      root.put("TakenAt", state.takenAt().toString());
    } else {
      root.remove("TakenAt");
    }
    m.roles(root);
    SnapshotWriter.emptyProfiles(root, state.account(), source.read());
    m.policies(root);
    m.principals(root, "UserDetailList", "UserName", PrincipalType.USER);
    m.principals(root, "GroupDetailList", "GroupName", PrincipalType.GROUP);
    root.remove("ecs"); // rolectl's extra, written last as always (an outside writer may change it)
    if (state.ecs().present()) {
      EcsSectionWriter.write(root.putObject("ecs"), state.ecs());
    }
    return root;
  }

  private void roles(ObjectNode root) {
    ArrayNode out = AccountFile.MAPPER.createArrayNode();
    Set<String> kept = new HashSet<>();
    for (JsonNode e : elements(root, "RoleDetailList")) {
      String name = e.path("RoleName").asText(null);
      LiveRole was = name == null ? null : before.roles().get(name);
      if (was == null || unreadable(UnreadableDocument.Kind.ROLE, name)) {
        out.add(e); // not modelled: kept as it is
        continue;
      }
      LiveRole now = after.roles().get(name);
      if (now == null) {
        continue; // deleted
      }
      kept.add(name);
      if (!Objects.equals(was.roleId(), now.roleId()) || !was.arn().equals(now.arn())) {
        SnapshotWriter.role(out.addObject(), now, after.instanceProfiles()); // replaced: a new role
      } else {
        out.add(profiles(role((ObjectNode) e, was, now)));
      }
    }
    List<ObjectNode> added = new java.util.ArrayList<>();
    new TreeMap<>(after.roles()).forEach((name, r) -> {
      if (!kept.contains(name)) {
        ObjectNode n = AccountFile.MAPPER.createObjectNode();
        SnapshotWriter.role(n, r, after.instanceProfiles());
        added.add(n);
      }
    });
    root.set("RoleDetailList", inserted(out, added, "RoleName"));
  }

  /**
   * The role's {@code InstanceProfileList} entries whose profile changed (path, ARN, tags) or that
   * are new written anew from the account now; the others kept as they are.
   */
  private ObjectNode profiles(ObjectNode n) {
    if (!n.path("InstanceProfileList").isArray()) {
      return n;
    }
    ArrayNode list = (ArrayNode) n.get("InstanceProfileList");
    for (int i = 0; i < list.size(); i++) {
      String name = list.get(i).path("InstanceProfileName").asText(null);
      LiveInstanceProfile now = name == null ? null : after.instanceProfile(name).orElse(null);
      LiveInstanceProfile was = name == null ? null : before.instanceProfile(name).orElse(null);
      boolean tagsUnsaid = !list.get(i).has("Tags") && now != null && !now.tags().isEmpty();
      if (now != null && (was == null || tagsUnsaid || !was.path().equals(now.path())
          || !was.arn().equals(now.arn()) || !was.tags().equals(now.tags()))) {
        ObjectNode entry = ((ObjectNode) list.get(i)).deepCopy();
        entry.put("Path", now.path());
        entry.put("Arn", now.arn());
        entry.remove("Tags");
        ArrayNode tags = entry.putArray("Tags");
        new TreeMap<>(now.tags()).forEach((k, v) -> tags.addObject().put("Key", k).put("Value", v));
        list.set(i, entry);
      }
    }
    return n;
  }

  private static ObjectNode role(ObjectNode n, LiveRole was, LiveRole now) {
    if (!Objects.equals(was.description(), now.description())) {
      set(n, "Description", now.description());
    }
    if (was.maxSessionDuration() != now.maxSessionDuration()) {
      n.put("MaxSessionDuration", now.maxSessionDuration());
    }
    if (!was.trustPolicy().equals(now.trustPolicy())) {
      n.set("AssumeRolePolicyDocument", SnapshotWriter.document(now.trustPolicy()));
    }
    if (!Objects.equals(was.permissionsBoundaryArn(), now.permissionsBoundaryArn())) {
      boundary(n, now.permissionsBoundaryArn());
    }
    if (!was.tags().equals(now.tags())) {
      tags(n, now.tags());
    }
    if (!was.attachedPolicyArns().equals(now.attachedPolicyArns())) {
      attached(n, now.attachedPolicyArns());
    }
    if (!was.inlinePolicies().equals(now.inlinePolicies())) {
      ArrayNode list = AccountFile.MAPPER.createArrayNode();
      Set<String> seen = new HashSet<>();
      for (JsonNode p : array(n, "RolePolicyList")) {
        String name = p.path("PolicyName").asText(null);
        if (name == null || !now.inlinePolicies().containsKey(name)) {
          continue;
        }
        seen.add(name);
        if (now.inlinePolicies().get(name).equals(was.inlinePolicies().get(name))) {
          list.add(p);
        } else {
          list.add(((ObjectNode) p.deepCopy()).set("PolicyDocument",
              SnapshotWriter.document(now.inlinePolicies().get(name))));
        }
      }
      List<ObjectNode> added = new java.util.ArrayList<>();
      new TreeMap<>(now.inlinePolicies()).forEach((name, doc) -> {
        if (!seen.contains(name)) {
          ObjectNode p = AccountFile.MAPPER.createObjectNode();
          p.put("PolicyName", name);
          p.set("PolicyDocument", SnapshotWriter.document(doc));
          added.add(p);
        }
      });
      n.set("RolePolicyList", inserted(list, added, "PolicyName"));
    }
    if (!was.instanceProfiles().equals(now.instanceProfiles())) {
      ArrayNode list = AccountFile.MAPPER.createArrayNode();
      Set<String> seen = new HashSet<>();
      for (JsonNode ip : array(n, "InstanceProfileList")) {
        String name = ip.path("InstanceProfileName").asText(null);
        if (name != null && now.instanceProfiles().contains(name) && seen.add(name)) {
          list.add(ip);
        }
      }
      now.instanceProfiles().stream().filter(p -> !seen.contains(p))
          .forEach(p -> list.addObject().put("InstanceProfileName", p));
      n.set("InstanceProfileList", list);
    }
    return n;
  }

  private void policies(ObjectNode root) {
    ArrayNode out = AccountFile.MAPPER.createArrayNode();
    Set<String> kept = new HashSet<>();
    for (JsonNode e : elements(root, "Policies")) {
      LiveManagedPolicy was = modelled(e);
      if (was == null) {
        out.add(e); // AWS managed, or not modelled: kept as it is
        continue;
      }
      LiveManagedPolicy now = after.policies().get(was.name());
      if (now == null) {
        continue; // deleted
      }
      kept.add(was.name());
      // IAM cannot change a policy's path or description: a difference is a new policy
      if (!was.arn().equals(now.arn()) || !Objects.equals(was.description(), now.description())) {
        SnapshotWriter.policy(out.addObject(), now);
      } else {
        out.add(policy((ObjectNode) e, was, now));
      }
    }
    List<ObjectNode> added = new java.util.ArrayList<>();
    new TreeMap<>(after.policies()).forEach((name, p) -> {
      if (!kept.contains(name)) {
        ObjectNode n = AccountFile.MAPPER.createObjectNode();
        SnapshotWriter.policy(n, p);
        added.add(n);
      }
    });
    root.set("Policies", inserted(out, added, "PolicyName"));
  }

  /** The customer managed policy an entry of Policies was read as, or null. */
  private LiveManagedPolicy modelled(JsonNode e) {
    String arn = e.path("Arn").asText("");
    for (LiveManagedPolicy p : before.policies().values()) {
      if (p.arn().equals(arn) || (arn.isEmpty() && p.name().equals(e.path("PolicyName").asText())))
      {
        return unreadable(UnreadableDocument.Kind.POLICY, p.name()) ? null : p;
      }
    }
    return null;
  }

  private ObjectNode policy(ObjectNode n, LiveManagedPolicy was, LiveManagedPolicy now) {
    if (!was.tags().equals(now.tags()) && (n.has("Tags") || !now.tags().isEmpty())) {
      tags(n, now.tags());
    }
    if (!was.versionIds().equals(now.versionIds())
        || !Objects.equals(was.defaultVersionId(), now.defaultVersionId())) {
      n.put("DefaultVersionId", now.defaultVersionId());
      ArrayNode list = AccountFile.MAPPER.createArrayNode();
      Set<String> seen = new HashSet<>();
      for (JsonNode v : array(n, "PolicyVersionList")) {
        String id = v.path("VersionId").asText(null);
        if (id != null && now.versionIds().contains(id) && seen.add(id)) {
          ObjectNode copy = v.deepCopy();
          copy.put("IsDefaultVersion", id.equals(now.defaultVersionId()));
          list.add(copy);
        }
      }
      for (String id : now.versionIds()) {
        if (!seen.contains(id)) {
          ObjectNode v = list.addObject();
          if (id.equals(now.defaultVersionId())) {
            v.set("Document", SnapshotWriter.document(now.defaultDocument()));
          }
          v.put("VersionId", id);
          v.put("IsDefaultVersion", id.equals(now.defaultVersionId()));
        }
      }
      n.set("PolicyVersionList", list);
    }
    count(n, "AttachmentCount", attachments(before, was.arn()), attachments(after, now.arn()));
    count(n, "PermissionsBoundaryUsageCount", boundaryUses(before, was.arn()),
        boundaryUses(after, now.arn()));
    return n;
  }

  /**
   * The entries with the new ones (sorted by name) each put before the first entry whose name is
   * greater, so that a sorted file stays sorted and the result does not depend on how many
   * writes the changes took.
   */
  private static ArrayNode inserted(ArrayNode entries, List<ObjectNode> added, String nameField) {
    if (added.isEmpty()) {
      return entries;
    }
    ArrayNode out = AccountFile.MAPPER.createArrayNode();
    int next = 0;
    for (JsonNode e : entries) {
      String name = e.path(nameField).asText("");
      while (next < added.size()
          && added.get(next).path(nameField).asText().compareTo(name) < 0) {
        out.add(added.get(next++));
      }
      out.add(e);
    }
    while (next < added.size()) {
      out.add(added.get(next++));
    }
    return out;
  }

  /** Moves a count IAM keeps by what the apply changed, where the file has one. */
  private static void count(ObjectNode n, String field, int was, int now) {
    if (was != now && n.path(field).isIntegralNumber()) {
      n.put(field, n.path(field).asInt() + now - was);
    }
  }

  private static int attachments(LiveAccount a, String arn) {
    int n = (int) a.roles().values().stream().filter(r -> r.attachedPolicyArns().contains(arn))
        .count();
    return n + (int) a.principals().stream().filter(p -> p.attachedPolicyArns().contains(arn))
        .count();
  }

  private static int boundaryUses(LiveAccount a, String arn) {
    int n = (int) a.roles().values().stream()
        .filter(r -> arn.equals(r.permissionsBoundaryArn())).count();
    return n + (int) a.principals().stream().filter(p -> arn.equals(p.permissionsBoundaryArn()))
        .count();
  }

  private void principals(ObjectNode root, String list, String nameField, PrincipalType type) {
    if (!root.path(list).isArray()) {
      return;
    }
    for (JsonNode e : root.path(list)) {
      String name = e.path(nameField).asText(null);
      LivePrincipal was = principal(before, type, name);
      LivePrincipal now = principal(after, type, name);
      if (was == null || now == null || !(e instanceof ObjectNode n)) {
        continue;
      }
      if (!was.attachedPolicyArns().equals(now.attachedPolicyArns())) {
        attached(n, now.attachedPolicyArns());
      }
      if (!Objects.equals(was.permissionsBoundaryArn(), now.permissionsBoundaryArn())) {
        boundary(n, now.permissionsBoundaryArn());
      }
    }
  }

  private static LivePrincipal principal(LiveAccount a, PrincipalType type, String name) {
    return a.principals().stream().filter(p -> p.type() == type && p.name().equals(name))
        .findFirst().orElse(null);
  }

  private boolean unreadable(UnreadableDocument.Kind kind, String name) {
    return before.unreadable().stream().anyMatch(u -> u.kind() == kind && u.name().equals(name));
  }

  /** Attachments: the elements of attached policies kept as they are, new ones appended. */
  private static void attached(ObjectNode n, List<String> arns) {
    ArrayNode list = AccountFile.MAPPER.createArrayNode();
    Set<String> seen = new HashSet<>();
    for (JsonNode a : array(n, "AttachedManagedPolicies")) {
      String arn = a.path("PolicyArn").asText(null);
      if (arn != null && arns.contains(arn) && seen.add(arn)) {
        list.add(a);
      }
    }
    for (String arn : arns) {
      if (seen.add(arn)) {
        ObjectNode a = list.addObject();
        a.put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1));
        a.put("PolicyArn", arn);
      }
    }
    n.set("AttachedManagedPolicies", list);
  }

  /** Tags: elements of unchanged tags kept, changed values set, new tags appended by key. */
  private static void tags(ObjectNode n, Map<String, String> tags) {
    ArrayNode list = AccountFile.MAPPER.createArrayNode();
    Set<String> seen = new HashSet<>();
    for (JsonNode t : array(n, "Tags")) {
      String key = t.path("Key").asText(null);
      if (key != null && tags.containsKey(key) && seen.add(key)) {
        ObjectNode copy = t.deepCopy();
        if (!tags.get(key).equals(t.path("Value").asText(""))) {
          copy.put("Value", tags.get(key));
        }
        list.add(copy);
      }
    }
    List<ObjectNode> added = new java.util.ArrayList<>();
    new TreeMap<>(tags).forEach((k, v) -> {
      if (!seen.contains(k)) {
        added.add(AccountFile.MAPPER.createObjectNode().put("Key", k).put("Value", v));
      }
    });
    n.set("Tags", inserted(list, added, "Key"));
  }

  private static void boundary(ObjectNode n, String arn) {
    if (arn == null) {
      n.remove("PermissionsBoundary");
    } else {
      ObjectNode b = n.putObject("PermissionsBoundary");
      b.put("PermissionsBoundaryType", "PermissionsBoundaryPolicy"); // the model's enum
      b.put("PermissionsBoundaryArn", arn);
    }
  }

  private static void set(ObjectNode n, String field, String value) {
    if (value == null) {
      n.remove(field);
    } else {
      n.put(field, value);
    }
  }

  private static Iterable<JsonNode> elements(ObjectNode root, String list) {
    return array(root, list);
  }

  private static Iterable<JsonNode> array(JsonNode n, String field) {
    JsonNode a = n.path(field);
    return a.isArray() ? a : List.of();
  }
}

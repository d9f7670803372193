package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.UnreadableDocument;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes an account in the account file format that {@link AccountFile} reads (for {@code rolectl
 * snapshot --out FILE} and the {@code local:} target): pretty-printed with two spaces, keys in a
 * fixed order, roles, policies, users, groups, tags and inline policies sorted by name, documents
 * as JSON objects. Reading the output gives an equal {@link LiveAccount}.
 */
public final class SnapshotWriter {
  private SnapshotWriter() {}

  /** The JSON text of an account without an ECS section (ECS state unknown). */
  public static String toJson(LiveAccount account) {
    return toJson(new LocalState(account, LocalEcsState.absent()));
  }

  /**
   * The JSON text of an account file, ending with a newline. A state read from a file is written
   * as that file with only what changed since changed ({@link AccountFileMerge}).
   */
  public static String toJson(LocalState state) {
    return pretty(state.source() != null ? AccountFileMerge.merge(state) : fresh(state));
  }

  private static ObjectNode fresh(LocalState state) {
    ObjectNode root = AccountFile.MAPPER.createObjectNode();
    LiveAccount a = state.account();
    root.put("AccountId", a.accountId());
    root.put("Partition", a.partition());
    if (state.takenAt() != null) {
      root.put("TakenAt", state.takenAt().toString());
    }
    principals(root.putArray("UserDetailList"), a, PrincipalType.USER, "UserName");
    principals(root.putArray("GroupDetailList"), a, PrincipalType.GROUP, "GroupName");
    ArrayNode roles = root.putArray("RoleDetailList");
    new TreeMap<>(a.roles()).values()
        .forEach(r -> role(roles.addObject(), r, a.instanceProfiles()));
    emptyProfiles(root, a, null);
    ArrayNode policies = root.putArray("Policies");
    new TreeMap<>(a.policies()).values().forEach(p -> policy(policies.addObject(), p));
    for (UnreadableDocument u : a.unreadable()) { // written back as they were read
      if (u.raw() != null) {
        (u.kind() == UnreadableDocument.Kind.ROLE ? roles : policies).add(raw(u.raw()));
      }
    }
    if (state.ecs().ec2().present()) {
      Ec2Section.write(root.putObject("ec2"), state.ecs().ec2());
    }
    if (state.ecs().present()) { // last, as rolectl always writes it
      EcsSectionWriter.write(root.putObject("ecs"), state.ecs());
    }
    return root;
  }

  private static String pretty(ObjectNode root) {
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    DefaultPrettyPrinter printer =
        new DefaultPrettyPrinter()
            .withSeparators(
                Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withObjectIndenter(indenter);
    printer.indentArraysWith(indenter);
    try {
      return AccountFile.MAPPER.writer(printer).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a JSON tree", e);
    }
  }

  private static com.fasterxml.jackson.databind.JsonNode raw(String json) {
    try {
      return AccountFile.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an entry read from a file is JSON", e);
    }
  }

  /** Writes the file atomically (a temp file beside it, then a rename). */
  public static void write(LiveAccount account, Path file) {
    write(new LocalState(account, LocalEcsState.absent()), file);
  }

  /** Writes the file atomically (a temp file beside it, then a rename). */
  public static void write(LocalState state, Path file) {
    AtomicFiles.write(file, toJson(state).getBytes(StandardCharsets.UTF_8));
  }

  private static void principals(
      ArrayNode out, LiveAccount a, PrincipalType type, String nameField) {
    a.principals().stream()
        .filter(p -> p.type() == type)
        .sorted(Comparator.comparing(LivePrincipal::name))
        .forEach(
            p -> {
              ObjectNode n = out.addObject();
              n.put(nameField, p.name());
              if (!"/".equals(p.path())) {
                n.put("Path", p.path());
              }
              if (type == PrincipalType.USER && !p.groups().isEmpty()) {
                p.groups().forEach(n.putArray("GroupList")::add);
              }
              if (!p.inlinePolicies().isEmpty() || !p.unreadablePolicies().isEmpty()) {
                ArrayNode inline =
                    n.putArray(type == PrincipalType.USER ? "UserPolicyList" : "GroupPolicyList");
                java.util.SortedSet<String> names = new java.util.TreeSet<>(p.inlinePolicies().keySet());
                names.addAll(p.unreadablePolicies().keySet());
                for (String name : names) {
                  ObjectNode i = inline.addObject();
                  i.put("PolicyName", name);
                  i.set("PolicyDocument", p.inlinePolicies().containsKey(name)
                      ? document(p.inlinePolicies().get(name)) : raw(p.unreadablePolicies().get(name)));
                }
              }
              if (!p.tags().isEmpty()) {
                tags(n.putArray("Tags"), p.tags());
              }
              attached(n.putArray("AttachedManagedPolicies"), p.attachedPolicyArns());
              if (p.permissionsBoundaryArn() != null) {
                ObjectNode b = n.putObject("PermissionsBoundary");
                b.put("PermissionsBoundaryType", "PermissionsBoundaryPolicy"); // the model's enum
                b.put("PermissionsBoundaryArn", p.permissionsBoundaryArn());
              }
            });
  }

  static void role(ObjectNode n, LiveRole r) {
    role(n, r, Map.of());
  }

  /**
   * The role's entry; its {@code InstanceProfileList} entries carry each profile's {@code Path},
   * {@code Arn} and {@code Tags} when {@code profiles} knows it (by name).
   */
  static void role(ObjectNode n, LiveRole r, Map<String, LiveInstanceProfile> profiles) {
    n.put("Path", r.path());
    n.put("RoleName", r.name());
    putIfPresent(n, "RoleId", r.roleId());
    n.put("Arn", r.arn());
    putIfPresent(n, "Description", r.description());
    n.put("MaxSessionDuration", r.maxSessionDuration());
    n.set("AssumeRolePolicyDocument", document(r.trustPolicy()));
    Map<String, LiveInstanceProfile> known = profiles;
    ArrayNode profileList = n.putArray("InstanceProfileList");
    r.instanceProfiles().forEach(ip -> profile(profileList.addObject(), ip, known.get(ip)));
    ArrayNode inline = n.putArray("RolePolicyList");
    new TreeMap<>(r.inlinePolicies())
        .forEach(
            (name, doc) -> {
              ObjectNode p = inline.addObject();
              p.put("PolicyName", name);
              p.set("PolicyDocument", document(doc));
            });
    attached(n.putArray("AttachedManagedPolicies"), r.attachedPolicyArns());
    if (r.permissionsBoundaryArn() != null) {
      ObjectNode b = n.putObject("PermissionsBoundary");
      b.put("PermissionsBoundaryType", "PermissionsBoundaryPolicy"); // the model's enum
      b.put("PermissionsBoundaryArn", r.permissionsBoundaryArn());
    }
    tags(n.putArray("Tags"), r.tags());
    if (r.lastUsed() != null) {
      n.putObject("RoleLastUsed").put("LastUsedDate", r.lastUsed().toString());
    }
  }

  static void policy(ObjectNode n, LiveManagedPolicy p) {
    if (p.defaultVersionId() == null) {
      throw new IllegalArgumentException("policy " + p.name() + " has no default version id");
    }
    n.put("PolicyName", p.name());
    n.put("Path", p.path());
    n.put("Arn", p.arn());
    putIfPresent(n, "Description", p.description());
    n.put("DefaultVersionId", p.defaultVersionId());
    tags(n.putArray("Tags"), p.tags());
    List<String> ids = new ArrayList<>(p.versionIds());
    if (!ids.contains(p.defaultVersionId())) {
      ids.add(p.defaultVersionId());
    }
    ids.sort(LiveManagedPolicy.VERSION_ORDER);
    ArrayNode versions = n.putArray("PolicyVersionList");
    for (String id : ids) {
      ObjectNode v = versions.addObject();
      v.put("VersionId", id);
      boolean isDefault = id.equals(p.defaultVersionId());
      v.put("IsDefaultVersion", isDefault);
      if (isDefault) {
        v.set("Document", document(p.defaultDocument()));
      }
    }
  }

  private static void attached(ArrayNode out, List<String> arns) {
    for (String arn : arns) {
      ObjectNode a = out.addObject();
      a.put("PolicyName", arn.substring(arn.lastIndexOf('/') + 1));
      a.put("PolicyArn", arn);
    }
  }

  /**
   * The instance profiles that hold no role (IAM keeps them; {@code GetAccountAuthorizationDetails}
   * shows a profile only under its role) in rolectl's top-level {@code InstanceProfiles} list,
   * in name order; entries of {@code kept} whose profile is unchanged are kept as they were. No
   * list when there is none and the file had none.
   */
  static void emptyProfiles(ObjectNode root, LiveAccount a, LiveAccount was) {
    JsonNode old = root.remove("InstanceProfiles");
    Map<String, JsonNode> oldEntries = new java.util.HashMap<>();
    if (old != null && old.isArray()) {
      old.forEach(e -> oldEntries.put(e.path("InstanceProfileName").asText(""), e));
    }
    List<LiveInstanceProfile> empty = new TreeMap<>(a.instanceProfiles()).values().stream()
        .filter(p -> p.roles().isEmpty()).toList();
    if (empty.isEmpty() && old == null) {
      return;
    }
    ArrayNode list = root.putArray("InstanceProfiles");
    for (LiveInstanceProfile p : empty) {
      JsonNode kept = oldEntries.get(p.name());
      LiveInstanceProfile before = was == null ? null : was.instanceProfiles().get(p.name());
      if (kept != null && p.equals(before)) {
        list.add(kept);
      } else {
        profile(list.addObject(), p.name(), p);
      }
    }
  }

  /** An {@code InstanceProfileList} entry: the name, and path, ARN and tags when known. */
  static void profile(ObjectNode n, String name, LiveInstanceProfile p) {
    n.put("InstanceProfileName", name);
    if (p != null) {
      n.put("Path", p.path());
      n.put("Arn", p.arn());
      tags(n.putArray("Tags"), p.tags());
    }
  }

  private static void tags(ArrayNode out, Map<String, String> tags) {
    new TreeMap<>(tags).forEach((k, v) -> out.addObject().put("Key", k).put("Value", v));
  }

  static ObjectNode document(PolicyDocument doc) {
    try {
      return (ObjectNode) AccountFile.MAPPER.readTree(PolicyParser.toJson(doc));
    } catch (JsonProcessingException | ClassCastException e) {
      throw new IllegalStateException("PolicyParser.toJson gave no JSON object", e);
    }
  }

  private static void putIfPresent(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }
}

package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.PrincipalType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The mutable state of an {@link AccountEditor}: roles and customer policies by name (and
 * policies by ARN), case-insensitively as IAM matches them, users and groups, and what the
 * current unit touched ({@link EditorUndo}) so that it can be rolled back. {@link #version()}
 * counts changes.
 */
final class EditedAccount {
  final Map<String, MutableRole> roles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final Map<String, MutablePolicy> policies = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final Map<String, MutablePolicy> policiesByArn = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final LocalPrincipals principals;
  /** Instance profiles by name (the roles in each are in the roles' lists). */
  final Map<String, LiveInstanceProfile> profiles = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  /** The profiles as they were when the current unit began; {@code null} outside a unit. */
  private Map<String, LiveInstanceProfile> profilesAtBegin;
  private final EditorUndo undo = new EditorUndo();
  private long version;

  EditedAccount(LiveAccount a) {
    a.roles().values().forEach(r -> roles.put(r.name(), new MutableRole(r)));
    a.policies().values().forEach(this::putPolicy);
    principals = new LocalPrincipals(a.principals());
    profiles.putAll(a.instanceProfiles());
  }

  long version() {
    return version;
  }

  void changed() {
    version++;
  }

  void putPolicy(LiveManagedPolicy p) {
    MutablePolicy m = new MutablePolicy(p);
    policies.put(m.name, m);
    policiesByArn.put(m.arn, m);
  }

  void removePolicy(MutablePolicy p) {
    policies.remove(p.name);
    policiesByArn.remove(p.arn);
  }

  /** Keeps the role as it is (or its absence) for a rollback of the current unit. */
  void touchRole(String name) {
    undo.role(name, () -> {
      MutableRole r = roles.get(name);
      return r == null ? null : r.toLive();
    });
  }

  /** Keeps the policy as it is (or its absence) for a rollback of the current unit. */
  void touchPolicy(String name) {
    undo.policy(name, () -> {
      MutablePolicy p = policies.get(name);
      return p == null ? null : p.toLive(Map.of());
    });
  }

  /** Keeps the users and groups as they are for a rollback of the current unit. */
  void touchPrincipals() {
    undo.principals(principals::copy);
  }

  void begin() {
    undo.begin();
    profilesAtBegin = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    profilesAtBegin.putAll(profiles);
  }

  void commit() {
    undo.end();
    profilesAtBegin = null;
  }

  /** Puts back everything the current unit touched, as it was at {@link #begin}. */
  void rollback() {
    if (profilesAtBegin != null && !profilesAtBegin.equals(profiles)) {
      profiles.clear();
      profiles.putAll(profilesAtBegin);
      changed();
    }
    profilesAtBegin = null;
    undo.restore(
        (name, before) -> {
          MutableRole now = roles.remove(name);
          if (before != null) {
            roles.put(before.name(), new MutableRole(before));
          }
          if (now != null || before != null) {
            changed();
          }
        },
        (name, before) -> {
          MutablePolicy now = policies.get(name);
          if (now != null) {
            removePolicy(now);
          }
          if (before != null) {
            putPolicy(before);
          }
          if (now != null || before != null) {
            changed();
          }
        },
        before -> {
          principals.replaceWith(before);
          changed();
        });
  }

  /**
   * The state as a {@link LiveAccount} (each policy with its attachments), with {@code
   * original}'s account id, partition and entries that could not be read (written back as they
   * were).
   */
  LiveAccount toLive(LiveAccount original) {
    Map<String, LiveRole> liveRoles = new TreeMap<>();
    roles.values().forEach(r -> liveRoles.put(r.name, r.toLive()));
    Map<String, Map<PrincipalType, List<String>>> attached = attachmentsByArn();
    Map<String, LiveManagedPolicy> livePolicies = new TreeMap<>();
    policies.values()
        .forEach(p -> livePolicies.put(p.name, p.toLive(attached.getOrDefault(p.arn, Map.of()))));
    Map<String, LiveInstanceProfile> liveProfiles = new TreeMap<>();
    profiles.values().forEach(p -> liveProfiles.put(p.name(), new LiveInstanceProfile(p.name(),
        p.path(), p.arn(), roles.values().stream()
            .filter(r -> r.instanceProfiles.stream().anyMatch(n -> n.equalsIgnoreCase(p.name())))
            .map(r -> r.name).sorted().toList(), p.tags())));
    return new LiveAccount(original.accountId(), original.partition(), liveRoles, livePolicies,
        principals.toLive(), original.unreadable(), liveProfiles);
  }

  /** Policy ARN to the principals it is attached to, by type (one pass over all principals). */
  private Map<String, Map<PrincipalType, List<String>>> attachmentsByArn() {
    Map<String, Map<PrincipalType, List<String>>> out = new HashMap<>();
    roles.values()
        .forEach(r -> r.attachedPolicyArns.forEach(arn -> add(out, arn, PrincipalType.ROLE, r.name)));
    principals.forEachAttachment((type, name, arn) -> add(out, arn, type, name));
    return out;
  }

  private static void add(
      Map<String, Map<PrincipalType, List<String>>> out, String arn, PrincipalType type, String name) {
    out.computeIfAbsent(arn, k -> new EnumMap<>(PrincipalType.class))
        .computeIfAbsent(type, t -> new ArrayList<>())
        .add(name);
  }
}

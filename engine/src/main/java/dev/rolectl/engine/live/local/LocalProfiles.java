package dev.rolectl.engine.live.local;

import static dev.rolectl.engine.live.IamWriteException.Kind.ALREADY_EXISTS;
import static dev.rolectl.engine.live.IamWriteException.Kind.DELETE_CONFLICT;
import static dev.rolectl.engine.live.IamWriteException.Kind.LIMIT_EXCEEDED;
import static dev.rolectl.engine.live.IamWriteException.Kind.NOT_FOUND;
import static dev.rolectl.engine.live.local.AccountEditor.error;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The instance profile operations of an {@link AccountEditor}, as IAM answers them: a profile
 * holds one role ({@code LimitExceeded}), is deleted only when empty ({@code DeleteConflict}),
 * names are unique case-insensitively ({@code EntityAlreadyExists}). The roles in a profile are
 * kept in the roles' lists ({@link MutableRole#instanceProfiles}); the profiles' own attributes in
 * {@link EditedAccount#profiles}.
 */
final class LocalProfiles {
  private final EditedAccount state;
  private final LiveAccount original;

  LocalProfiles(EditedAccount state, LiveAccount original) {
    this.state = state;
    this.original = original;
  }

  void addRole(String instanceProfile, MutableRole r) {
    LiveInstanceProfile p = profile(instanceProfile);
    boolean holdsOther = state.roles.values().stream().anyMatch(o -> o != r && holds(o, p.name()));
    if (holdsOther) {
      throw error(LIMIT_EXCEEDED, "LimitExceeded",
          "Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    }
    if (!holds(r, p.name())) {
      r.instanceProfiles.add(p.name());
      state.changed();
    }
  }

  void removeRole(String instanceProfile, MutableRole r) {
    if (!r.instanceProfiles.removeIf(n -> n.equalsIgnoreCase(instanceProfile))) {
      throw error(NOT_FOUND, "NoSuchEntity",
          "Role " + r.name + " is not in instance profile " + instanceProfile + ".");
    }
    state.changed();
  }

  void create(String name, String path, Map<String, String> tags) {
    if (state.profiles.containsKey(name)) {
      throw error(ALREADY_EXISTS, "EntityAlreadyExists",
          "Instance Profile " + name + " already exists.");
    }
    InputRules.instanceProfile(path, tags);
    String arn = "arn:" + original.partition() + ":iam::" + original.accountId()
        + ":instance-profile" + path + name;
    state.profiles.put(name, new LiveInstanceProfile(name, path, arn, List.of(), tags));
    state.changed();
  }

  Optional<LiveInstanceProfile> get(String name) {
    LiveInstanceProfile p = state.profiles.get(name);
    if (p == null) {
      return Optional.empty();
    }
    List<String> roles = state.roles.values().stream().filter(r -> holds(r, p.name()))
        .map(r -> r.name).sorted().toList();
    return Optional.of(new LiveInstanceProfile(p.name(), p.path(), p.arn(), roles, p.tags()));
  }

  void tag(String name, Map<String, String> tags) {
    LiveInstanceProfile p = profile(name);
    Map<String, String> t = new TreeMap<>(p.tags());
    t.putAll(tags);
    InputRules.instanceProfile(p.path(), t);
    state.profiles.put(p.name(), new LiveInstanceProfile(p.name(), p.path(), p.arn(), p.roles(), t));
    state.changed();
  }

  void untag(String name, Collection<String> keys) {
    LiveInstanceProfile p = profile(name);
    Map<String, String> t = new TreeMap<>(p.tags());
    keys.forEach(t::remove);
    state.profiles.put(p.name(), new LiveInstanceProfile(p.name(), p.path(), p.arn(), p.roles(), t));
    state.changed();
  }

  void delete(String name) {
    LiveInstanceProfile p = profile(name);
    if (state.roles.values().stream().anyMatch(r -> holds(r, p.name()))) {
      throw error(DELETE_CONFLICT, "DeleteConflict",
          "Cannot delete entity, must remove roles from instance profile first.");
    }
    state.profiles.remove(p.name());
    state.changed();
  }

  private static boolean holds(MutableRole r, String profile) {
    return r.instanceProfiles.stream().anyMatch(n -> n.equalsIgnoreCase(profile));
  }

  /** The instance profile of this name; NOT_FOUND when there is none. */
  private LiveInstanceProfile profile(String name) {
    LiveInstanceProfile p = state.profiles.get(name);
    if (p == null) {
      throw error(NOT_FOUND, "NoSuchEntity", "Instance Profile " + name + " cannot be found.");
    }
    return p;
  }
}

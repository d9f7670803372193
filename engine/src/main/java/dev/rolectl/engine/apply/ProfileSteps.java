package dev.rolectl.engine.apply;

import static dev.rolectl.engine.live.IamWriteException.Kind.ALREADY_EXISTS;
import static dev.rolectl.engine.live.IamWriteException.Kind.NOT_FOUND;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.AttributeDiff;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The IAM calls that create, change, adopt, delete and replace a role's instance profile: {@code
 * CreateInstanceProfile} (tags in the call, so a crash leaves nothing unowned) then {@code
 * AddRoleToInstanceProfile}; {@code RemoveRoleFromInstanceProfile} then {@code
 * DeleteInstanceProfile}. "Not found" on a removal means gone already.
 */
final class ProfileSteps {
  private final Steps s;
  private final String stack;
  private final boolean roleNew;

  /**
   * @param roleNew the role was created (or re-created) by this apply: a "not found" from {@code
   *     AddRoleToInstanceProfile} may be IAM's eventual consistency and is waited out
   */
  ProfileSteps(Steps steps, String stack, boolean roleNew) {
    this.s = steps;
    this.stack = stack;
    this.roleNew = roleNew;
  }

  /**
   * Creates the profile and puts the role in it. A profile of that name that exists already
   * counts as created only when it carries this stack's tag at the declared path and holds no
   * other role (a retried call, an apply killed between the two calls); anyone else's is an error
   * and nothing is done to it.
   */
  void create(InstanceProfile after) {
    try {
      s.call("CreateInstanceProfile",
          () -> s.iam.createInstanceProfile(after.name(), after.path(), after.tags()));
    } catch (IamWriteException e) {
      if (!e.is(ALREADY_EXISTS)) {
        throw e;
      }
      LiveInstanceProfile live = s.get("GetInstanceProfile",
          () -> s.iam.getInstanceProfile(after.name())).orElseThrow(() -> e);
      String owner = live.tags().get(Stack.OWNER_TAG);
      if (!stack.equals(owner)) {
        throw new IamWriteException(ALREADY_EXISTS, e.code(), "instance profile " + after.name()
            + " was created meanwhile by someone else ("
            + (owner == null ? "it has no " + Stack.OWNER_TAG + " tag" : Stack.OWNER_TAG + "=" + owner)
            + "): run plan again, and adopt it (adopt: true on role " + after.roleName()
            + ") or give the profile another name", e);
      }
      boolean other = live.roles().stream().anyMatch(r -> !r.equalsIgnoreCase(after.roleName()));
      if (!live.path().equals(after.path()) || other) {
        throw new IamWriteException(ALREADY_EXISTS, e.code(), "instance profile " + after.name()
            + " exists already (tagged " + Stack.OWNER_TAG + "=" + stack + ") and is not the one"
            + " this plan creates: its " + (other ? "role" : "path") + " differs. Nothing was"
            + " done to it: run plan again (the new plan shows what changes it)", e);
      }
      if (!live.roles().isEmpty()) {
        return; // the role is in it already
      }
    }
    addRole(after);
  }

  /** Applies the plan's differences: the role in the profile, then its tags. */
  void update(InstanceProfile before, InstanceProfile after, List<AttributeDiff> diffs) {
    Map<String, String> tag = new TreeMap<>();
    List<String> untag = new ArrayList<>();
    for (AttributeDiff d : diffs) {
      String a = d.attribute();
      if (a.equals("role")) {
        if (before != null && before.roleName() != null) {
          s.idempotent("RemoveRoleFromInstanceProfile", Set.of(NOT_FOUND),
              () -> s.iam.removeRoleFromInstanceProfile(after.name(), before.roleName()));
        }
        addRole(after);
      } else if (a.startsWith("tags.") && d instanceof AttributeDiff.Value v) {
        String key = a.substring("tags.".length());
        if (v.after() == null) {
          untag.add(key);
        } else {
          tag.put(key, v.after());
        }
      } else {
        throw new IllegalStateException("rolectl cannot apply a change of an instance profile's " + a);
      }
    }
    TagOrder.of(tag, untag).run(
        keys -> s.call("UntagInstanceProfile", () -> s.iam.untagInstanceProfile(after.name(), keys)),
        tags -> s.call("TagInstanceProfile", () -> s.iam.tagInstanceProfile(after.name(), tags)));
  }

  /** Tags the profile as this stack's, then applies the differences. */
  void adopt(InstanceProfile before, InstanceProfile after, List<AttributeDiff> diffs) {
    s.call("TagInstanceProfile",
        () -> s.iam.tagInstanceProfile(after.name(), Map.of(Stack.OWNER_TAG, stack)));
    update(before, after, diffs);
  }

  /** Takes the role out and deletes the profile; gone already counts as done. */
  void delete(InstanceProfile before) {
    if (before.roleName() != null) {
      s.idempotent("RemoveRoleFromInstanceProfile", Set.of(NOT_FOUND),
          () -> s.iam.removeRoleFromInstanceProfile(before.name(), before.roleName()));
    }
    s.idempotent("DeleteInstanceProfile", Set.of(NOT_FOUND),
        () -> s.iam.deleteInstanceProfile(before.name()));
  }

  /** Delete then create (IAM cannot rename or move a profile). */
  void replace(InstanceProfile before, InstanceProfile after) {
    delete(before);
    create(after);
  }

  private void addRole(InstanceProfile after) {
    Runnable call = () -> s.iam.addRoleToInstanceProfile(after.name(), after.roleName());
    if (roleNew) {
      s.callUntilFound("AddRoleToInstanceProfile", call);
    } else {
      s.call("AddRoleToInstanceProfile", call);
    }
  }
}

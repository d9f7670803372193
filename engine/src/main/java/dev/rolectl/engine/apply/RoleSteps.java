package dev.rolectl.engine.apply;

import static dev.rolectl.engine.live.IamWriteException.Kind.ALREADY_EXISTS;
import static dev.rolectl.engine.live.IamWriteException.Kind.DELETE_CONFLICT;
import static dev.rolectl.engine.live.IamWriteException.Kind.NOT_FOUND;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.live.RoleLinks;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.policy.PolicyEquivalence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/** The IAM calls that create, change, adopt, delete and replace a role. */
final class RoleSteps {
  private static final int DELETE_ROUNDS = 3;

  private final Steps s;
  private final String stack;
  private final boolean namesNew;

  /**
   * @param namesNew whether the role names something this apply created (its permissions
   *     boundary policy): then a "not found" from CreateRole or PutRolePermissionsBoundary is
   *     IAM's eventual consistency and is waited out like "Invalid principal"
   */
  RoleSteps(Steps steps, String stack, boolean namesNew) {
    this.s = steps;
    this.stack = stack;
    this.namesNew = namesNew;
  }

  RoleSteps(Steps steps, String stack) {
    this(steps, stack, false);
  }

  /**
   * {@code CreateRole} with every tag. When the role exists already and carries this stack's tag
   * it counts as created only if it is the declared role in every attribute the create sets (a
   * retried call whose first response was lost, an apply killed right after the call); anything
   * else about it was made or changed after the plan, so the change fails and nothing is done to
   * the role: never converged into an update that the plan did not show and that the safety rules
   * did not check. Anyone else's role is an error too.
   */
  void create(Role after) {
    NewRole role =
        new NewRole(
            after.name(),
            after.path(),
            after.description(),
            after.maxSessionDuration(),
            after.trustPolicy(),
            after.permissionsBoundary(),
            after.tags());
    try {
      if (namesNew) {
        s.callUntilFound("CreateRole", () -> s.iam.createRole(role));
      } else {
        s.callWithPrincipals("CreateRole", () -> s.iam.createRole(role));
      }
    } catch (IamWriteException e) {
      if (!e.is(ALREADY_EXISTS)) {
        throw e;
      }
      LiveRole live = s.get("GetRole", () -> s.iam.getRole(after.name())).orElseThrow(() -> e);
      String owner = live.tags().get(Stack.OWNER_TAG);
      if (!stack.equals(owner)) {
        throw new IamWriteException(
            ALREADY_EXISTS,
            e.code(),
            "role "
                + after.name()
                + " was created meanwhile by someone else ("
                + (owner == null ? "it has no " + Stack.OWNER_TAG + " tag" : Stack.OWNER_TAG + "=" + owner)
                + "): run plan again, and adopt it or rename yours",
            e);
      }
      differs(live, after).ifPresent(what -> {
        throw new IamWriteException(ALREADY_EXISTS, e.code(), "role " + after.name() + " exists"
            + " already (tagged " + Stack.OWNER_TAG + "=" + stack + ") and is not the role this"
            + " plan creates: its " + what + " differs. It was made or changed after the plan;"
            + " nothing was done to it: run plan again (the new plan shows what changes it)", e);
      });
    }
  }

  /** What of a live role differs from what a create of {@code after} sets; empty when nothing. */
  private static java.util.Optional<String> differs(LiveRole live, Role after) {
    List<String> out = new ArrayList<>();
    if (!live.path().equals(after.path())) {
      out.add("path");
    }
    if (!Objects.equals(blankToNull(live.description()), blankToNull(after.description()))) {
      out.add("description");
    }
    if (live.maxSessionDuration() != after.maxSessionDuration()) {
      out.add("maxSessionDuration");
    }
    if (!PolicyEquivalence.equivalent(live.trustPolicy(), after.trustPolicy())) {
      out.add("trust policy");
    }
    if (!Objects.equals(live.permissionsBoundaryArn(), after.permissionsBoundary())) {
      out.add("permissions boundary");
    }
    if (!live.tags().equals(after.tags())) {
      out.add("tags");
    }
    return out.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(String.join(", ", out));
  }

  /** Applies the plan's attribute differences, values taken from the declared role. */
  void update(Role after, List<AttributeDiff> diffs) {
    boolean roleFields = false;
    boolean trust = false;
    boolean boundary = false;
    Map<String, String> tag = new TreeMap<>();
    List<String> untag = new ArrayList<>();
    for (AttributeDiff d : diffs) {
      String a = d.attribute();
      if (a.equals("description") || a.equals("maxSessionDuration")) {
        roleFields = true;
      } else if (a.equals("trustPolicy")) {
        trust = true;
      } else if (a.equals("permissionsBoundary")) {
        boundary = true;
      } else if (a.startsWith("tags.") && d instanceof AttributeDiff.Value v) {
        String key = a.substring("tags.".length());
        if (v.after() == null) {
          untag.add(key);
        } else {
          tag.put(key, v.after());
        }
      } else {
        throw new IllegalStateException("rolectl cannot apply a change of a role's " + a);
      }
    }
    if (roleFields) {
      updateRole(after);
    }
    if (trust) {
      updateTrust(after);
    }
    if (boundary) {
      boundary(after);
    }
    TagOrder.of(tag, untag).run(
        keys -> s.call("UntagRole", () -> s.iam.untagRole(after.name(), keys)),
        tags -> s.call("TagRole", () -> s.iam.tagRole(after.name(), tags)));
  }

  /** Tags the role as this stack's, then applies the differences. */
  void adopt(Role after, List<AttributeDiff> diffs) {
    s.call("TagRole", () -> s.iam.tagRole(after.name(), Map.of(Stack.OWNER_TAG, stack)));
    update(after, diffs);
  }

  /**
   * Deletes a role whatever is attached to it: {@code DeleteRole}, and on {@code DeleteConflict}
   * removes it from its instance profiles, detaches its managed policies and deletes its inline
   * policies, then tries again. A role that is gone already counts as deleted.
   *
   * @return the instance profiles it was removed from
   */
  List<String> delete(String name) {
    List<String> removedFrom = new ArrayList<>();
    IamWriteException conflict = null;
    for (int round = 0; round < DELETE_ROUNDS; round++) {
      try {
        s.call("DeleteRole", () -> s.iam.deleteRole(name));
        return removedFrom;
      } catch (IamWriteException e) {
        if (e.is(NOT_FOUND)) {
          return removedFrom;
        }
        if (!e.is(DELETE_CONFLICT)) {
          throw e;
        }
        conflict = e;
      }
      RoleLinks links;
      try {
        links = s.get("list what is attached", () -> s.iam.roleLinks(name));
      } catch (IamWriteException e) {
        if (e.is(NOT_FOUND)) {
          return removedFrom;
        }
        throw e;
      }
      for (String profile : links.instanceProfiles()) {
        s.idempotent(
            "RemoveRoleFromInstanceProfile " + profile,
            Set.of(NOT_FOUND),
            () -> s.iam.removeRoleFromInstanceProfile(profile, name));
        removedFrom.add(profile);
      }
      for (String arn : links.attachedPolicyArns()) {
        s.idempotent(
            "DetachRolePolicy " + arn,
            Set.of(NOT_FOUND),
            () -> s.iam.detachPolicy(dev.rolectl.engine.model.PrincipalType.ROLE, name, arn));
      }
      for (String policy : links.inlinePolicyNames()) {
        s.idempotent(
            "DeleteRolePolicy " + policy, Set.of(NOT_FOUND), () -> s.iam.deleteRolePolicy(name, policy));
      }
    }
    throw new IamWriteException(
        DELETE_CONFLICT,
        conflict.code(),
        conflict.getMessage() + ": something was attached to role " + name + " again while it"
            + " was being deleted; run apply again",
        conflict);
  }

  /**
   * Delete then create (IAM cannot move a role); the new role goes back into the old one's
   * instance profiles, which it returns.
   */
  List<String> replace(Role before, Role after) {
    List<String> profiles = delete(before.name());
    create(after);
    for (String profile : profiles) {
      s.idempotent(
          "AddRoleToInstanceProfile " + profile,
          Set.of(NOT_FOUND),
          () -> s.iam.addRoleToInstanceProfile(profile, after.name()));
    }
    return profiles;
  }

  private void updateRole(Role after) {
    s.call(
        "UpdateRole",
        () -> s.iam.updateRole(after.name(), after.description(), after.maxSessionDuration()));
  }

  private void updateTrust(Role after) {
    s.callWithPrincipals(
        "UpdateAssumeRolePolicy", () -> s.iam.updateAssumeRolePolicy(after.name(), after.trustPolicy()));
  }

  private void boundary(Role after) {
    if (after.permissionsBoundary() == null) {
      s.idempotent(
          "DeleteRolePermissionsBoundary",
          Set.of(NOT_FOUND),
          () -> s.iam.deleteRolePermissionsBoundary(after.name()));
    } else if (namesNew) {
      s.callUntilFound(
          "PutRolePermissionsBoundary",
          () -> s.iam.putRolePermissionsBoundary(after.name(), after.permissionsBoundary()));
    } else {
      s.call(
          "PutRolePermissionsBoundary",
          () -> s.iam.putRolePermissionsBoundary(after.name(), after.permissionsBoundary()));
    }
  }

  private static String blankToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}

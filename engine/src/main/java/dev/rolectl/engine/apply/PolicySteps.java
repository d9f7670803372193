package dev.rolectl.engine.apply;

import static dev.rolectl.engine.live.IamWriteException.Kind.ALREADY_EXISTS;
import static dev.rolectl.engine.live.IamWriteException.Kind.DELETE_CONFLICT;
import static dev.rolectl.engine.live.IamWriteException.Kind.LIMIT_EXCEEDED;
import static dev.rolectl.engine.live.IamWriteException.Kind.NOT_FOUND;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.NewPolicy;
import dev.rolectl.engine.live.PolicyVersionList;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.policy.PolicyEquivalence;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/** The IAM calls that create, change, adopt, delete and replace a customer managed policy. */
final class PolicySteps {
  private static final int ROUNDS = 3;

  private final Steps s;
  private final String stack;
  private final String partition;
  private final String accountId;

  PolicySteps(Steps steps, String stack, String partition, String accountId) {
    this.s = steps;
    this.stack = stack;
    this.partition = partition;
    this.accountId = accountId;
  }

  String arn(ManagedPolicy p) {
    return p.arn(partition, accountId);
  }

  /**
   * {@code CreatePolicy} with every tag. A policy of this stack that exists already counts as
   * created only if it is the declared one (a retried call whose response was lost, an
   * interrupted apply); otherwise the change fails and nothing is done to the policy (never
   * converged into an update the plan did not show).
   */
  void create(ManagedPolicy after) {
    NewPolicy p =
        new NewPolicy(after.name(), after.path(), after.description(), after.document(), after.tags());
    try {
      s.call("CreatePolicy", () -> s.iam.createPolicy(p));
    } catch (IamWriteException e) {
      if (!e.is(ALREADY_EXISTS)) {
        throw e;
      }
      LiveManagedPolicy live =
          s.get("GetPolicy", () -> s.iam.getPolicy(arn(after)))
              .orElseThrow(
                  () ->
                      new IamWriteException(
                          ALREADY_EXISTS,
                          e.code(),
                          e.getMessage() + ": a policy named " + after.name()
                              + " exists at another path; run plan again",
                          e));
      String owner = live.tags().get(Stack.OWNER_TAG);
      if (!stack.equals(owner)) {
        throw new IamWriteException(
            ALREADY_EXISTS,
            e.code(),
            "policy " + after.name() + " was created meanwhile by someone else ("
                + (owner == null ? "it has no " + Stack.OWNER_TAG + " tag" : Stack.OWNER_TAG + "=" + owner)
                + "): run plan again, and adopt it or rename yours",
            e);
      }
      List<String> differs = new ArrayList<>();
      if (!Objects.equals(blankToNull(live.description()), blankToNull(after.description()))) {
        differs.add("description");
      }
      if (!PolicyEquivalence.equivalent(live.defaultDocument(), after.document())) {
        differs.add("document");
      }
      if (!live.tags().equals(after.tags())) {
        differs.add("tags");
      }
      if (!differs.isEmpty()) {
        throw new IamWriteException(ALREADY_EXISTS, e.code(), "policy " + after.name() + " exists"
            + " already (tagged " + Stack.OWNER_TAG + "=" + stack + ") and is not the policy this"
            + " plan creates: its " + String.join(", ", differs) + " differs. It was made or"
            + " changed after the plan; nothing was done to it: run plan again", e);
      }
    }
  }

  /** Applies the plan's differences: a new default version, tags. */
  void update(ManagedPolicy after, List<AttributeDiff> diffs) {
    String arn = arn(after);
    Map<String, String> tag = new TreeMap<>();
    List<String> untag = new ArrayList<>();
    for (AttributeDiff d : diffs) {
      String a = d.attribute();
      if (a.equals("document")) {
        newVersion(arn, after.document());
      } else if (a.startsWith("tags.") && d instanceof AttributeDiff.Value v) {
        String key = a.substring("tags.".length());
        if (v.after() == null) {
          untag.add(key);
        } else {
          tag.put(key, v.after());
        }
      } else {
        throw new IllegalStateException("rolectl cannot apply a change of a policy's " + a);
      }
    }
    TagOrder.of(tag, untag).run(
        keys -> s.call("UntagPolicy", () -> s.iam.untagPolicy(arn, keys)),
        tags -> s.call("TagPolicy", () -> s.iam.tagPolicy(arn, tags)));
  }

  /** Tags the policy as this stack's, then applies the differences. */
  void adopt(ManagedPolicy after, List<AttributeDiff> diffs) {
    s.call("TagPolicy", () -> s.iam.tagPolicy(arn(after), Map.of(Stack.OWNER_TAG, stack)));
    update(after, diffs);
  }

  /**
   * {@code CreatePolicyVersion(SetAsDefault=true)}; when the policy has 5 versions already, the
   * oldest non-default one is deleted first.
   */
  void newVersion(String arn, PolicyDocument document) {
    for (int round = 0; ; round++) {
      try {
        s.call("CreatePolicyVersion", () -> s.iam.createPolicyVersion(arn, document));
        return;
      } catch (IamWriteException e) {
        if (!e.is(LIMIT_EXCEEDED) || round == ROUNDS) {
          throw e;
        }
      }
      PolicyVersionList versions = s.get("ListPolicyVersions", () -> s.iam.policyVersions(arn));
      List<String> old = versions.nonDefault();
      if (old.isEmpty()) {
        throw new IamWriteException(
            LIMIT_EXCEEDED, "policy " + arn + " has no version rolectl could delete to make room");
      }
      s.idempotent(
          "DeletePolicyVersion " + old.get(0),
          Set.of(NOT_FOUND),
          () -> s.iam.deletePolicyVersion(arn, old.get(0)));
    }
  }

  /**
   * Detaches the policy from every principal, deletes its non-default versions, then deletes it.
   * A policy that is gone already counts as deleted.
   *
   * @return the principals it was detached from
   */
  Map<PrincipalType, List<String>> delete(String arn) {
    Map<PrincipalType, List<String>> detached = new EnumMap<>(PrincipalType.class);
    for (int round = 0; ; round++) {
      try {
        Map<PrincipalType, List<String>> attached =
            s.get("ListEntitiesForPolicy", () -> s.iam.policyAttachments(arn));
        attached.forEach(
            (type, names) -> {
              for (String name : names) {
                s.idempotent(
                    "Detach" + typeName(type) + "Policy " + name,
                    Set.of(NOT_FOUND),
                    () -> s.iam.detachPolicy(type, name, arn));
                detached.computeIfAbsent(type, t -> new ArrayList<>()).add(name);
              }
            });
        PolicyVersionList versions = s.get("ListPolicyVersions", () -> s.iam.policyVersions(arn));
        for (String v : versions.nonDefault()) {
          s.idempotent(
              "DeletePolicyVersion " + v, Set.of(NOT_FOUND), () -> s.iam.deletePolicyVersion(arn, v));
        }
        s.call("DeletePolicy", () -> s.iam.deletePolicy(arn));
        return detached;
      } catch (IamWriteException e) {
        if (e.is(NOT_FOUND)) {
          return detached;
        }
        if (!e.is(DELETE_CONFLICT) || round == ROUNDS) {
          throw e;
        }
      }
    }
  }

  /**
   * Delete then create. The new policy is attached again to the principals the old one was
   * detached from when {@code keep} says so: attachments the plan leaves alone (no-ops, or not in
   * the plan at all); those the plan creates or replaces are made by their own changes, which
   * wait for this one, and those it deletes stay detached. A principal gone meanwhile is skipped.
   */
  void replace(ManagedPolicy before, ManagedPolicy after, Predicate<Address> keep) {
    Map<PrincipalType, List<String>> detached = delete(arn(before));
    create(after);
    String arn = arn(after);
    detached.forEach(
        (type, names) -> {
          for (String name : names) {
            Address a =
                type == PrincipalType.ROLE
                    ? Address.attachment(name, arn)
                    : Address.principalAttachment(after.name(), type, name);
            if (keep.test(a)) {
              s.idempotent(
                  "Attach" + typeName(type) + "Policy " + name,
                  Set.of(NOT_FOUND),
                  () -> s.iam.attachPolicy(type, name, arn));
            }
          }
        });
  }

  static String typeName(PrincipalType type) {
    switch (type) {
      case ROLE:
        return "Role";
      case USER:
        return "User";
      case GROUP:
      default:
        return "Group";
    }
  }

  private static String blankToNull(String v) {
    return v == null || v.isEmpty() ? null : v;
  }
}

package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.policy.PolicyEquivalence;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/** Attribute-level comparison of a live resource with the declared one. */
final class AttributeDiffs {
  private final List<String> ignoreTagPrefixes;

  AttributeDiffs(List<String> ignoreTagPrefixes) {
    this.ignoreTagPrefixes = List.copyOf(ignoreTagPrefixes);
  }

  List<AttributeDiff> role(Role before, Role after) {
    List<AttributeDiff> diffs = new ArrayList<>();
    value(diffs, "description", blankToNull(before.description()), blankToNull(after.description()));
    value(
        diffs,
        "maxSessionDuration",
        Integer.toString(before.maxSessionDuration()),
        Integer.toString(after.maxSessionDuration()));
    document(diffs, "trustPolicy", before.trustPolicy(), after.trustPolicy());
    value(diffs, "permissionsBoundary", before.permissionsBoundary(), after.permissionsBoundary());
    tags(diffs, before.tags(), after.tags());
    return diffs;
  }

  /** Differences a managed policy can take in place (document and tags). */
  List<AttributeDiff> policy(ManagedPolicy before, ManagedPolicy after) {
    List<AttributeDiff> diffs = new ArrayList<>();
    document(diffs, "document", before.document(), after.document());
    tags(diffs, before.tags(), after.tags());
    return diffs;
  }

  /** Differences an instance profile can take in place: the role in it and its tags. */
  List<AttributeDiff> instanceProfile(InstanceProfile before, InstanceProfile after) {
    List<AttributeDiff> diffs = new ArrayList<>();
    value(diffs, "role", before.roleName(), after.roleName());
    tags(diffs, before.tags(), after.tags());
    return diffs;
  }

  /** Why an instance profile cannot be changed in place (IAM cannot rename or move one), or null. */
  static String instanceProfileReplaceReason(InstanceProfile before, InstanceProfile after) {
    if (!before.name().equals(after.name())) {
      return "its name changes from " + before.name() + " to " + after.name()
          + " and IAM cannot rename an instance profile";
    }
    if (!before.path().equals(after.path())) {
      return "its path changes from " + before.path() + " to " + after.path()
          + " and IAM cannot move an instance profile" + SAME_NAME;
    }
    return null;
  }

  List<AttributeDiff> inline(InlinePolicy before, InlinePolicy after) {
    List<AttributeDiff> diffs = new ArrayList<>();
    document(diffs, "document", before.document(), after.document());
    return diffs;
  }

  /**
   * Why a replace cannot create the new resource first (as Terraform's create_before_destroy
   * would): the new one has the same name, and IAM names are unique.
   */
  static final String SAME_NAME = "; the new one has the same name, so the old one is deleted first";

  /** Why a role cannot be changed in place, or null. */
  static String roleReplaceReason(Role before, Role after) {
    if (!before.name().equals(after.name())) {
      return caseOnly("role", before.name(), after.name());
    }
    if (!before.path().equals(after.path())) {
      return "its path changes from "
          + before.path()
          + " to "
          + after.path()
          + " and IAM cannot move a role"
          + SAME_NAME;
    }
    return null;
  }

  /** Why a managed policy cannot be changed in place, or null. */
  static String policyReplaceReason(ManagedPolicy before, ManagedPolicy after) {
    if (!before.name().equals(after.name())) {
      return caseOnly("policy", before.name(), after.name());
    }
    if (!before.path().equals(after.path())) {
      return "its path changes from "
          + before.path()
          + " to "
          + after.path()
          + " and IAM cannot move a policy"
          + SAME_NAME;
    }
    if (!Objects.equals(blankToNull(before.description()), blankToNull(after.description()))) {
      return "its description changes and IAM cannot change a managed policy's description"
          + SAME_NAME;
    }
    return null;
  }

  /** A rename that changes only the case of the name (IAM matches names case-insensitively). */
  private static String caseOnly(String kind, String live, String declared) {
    return "its name changes case from " + live + " to " + declared + " and IAM cannot rename a "
        + kind + "; IAM names are case-insensitive, so the old " + kind + " is deleted before the"
        + " new one is created";
  }

  private void tags(List<AttributeDiff> diffs, Map<String, String> before, Map<String, String> after) {
    TreeSet<String> keys = new TreeSet<>(before.keySet());
    keys.addAll(after.keySet());
    for (String key : keys) {
      if (ignored(key)) {
        continue;
      }
      value(diffs, "tags." + key, before.get(key), after.get(key));
    }
  }

  private boolean ignored(String key) {
    if (key.startsWith("aws:")) {
      return true; // reserved by AWS, cannot be set or removed
    }
    return ignoreTagPrefixes.stream().anyMatch(key::startsWith);
  }

  private static void value(List<AttributeDiff> diffs, String attribute, String before, String after) {
    if (!Objects.equals(before, after)) {
      diffs.add(new AttributeDiff.Value(attribute, before, after));
    }
  }

  private static void document(
      List<AttributeDiff> diffs, String attribute, PolicyDocument before, PolicyDocument after) {
    if (!PolicyEquivalence.equivalent(before, after)) {
      diffs.add(new AttributeDiff.Document(attribute, before, after));
    }
  }

  static String blankToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }
}

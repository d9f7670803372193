package dev.rolectl.engine.live.local;

import static dev.rolectl.engine.live.IamWriteException.Kind.INVALID_INPUT;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.IamText;
import dev.rolectl.engine.policy.PolicyParser;
import dev.rolectl.engine.policy.catalogue.IamApiModel;
import java.util.List;
import java.util.Map;

/**
 * The input checks IAM's API makes before it changes anything (patterns and lengths of
 * botocore's IAM model, via {@link IamText}), so that a file target refuses what IAM refuses:
 * {@code ValidationError} for names, paths, descriptions and tags, {@code MalformedPolicyDocument}
 * for documents, {@code PolicyNotAttachable} for a service-linked role's policy.
 */
final class InputRules {
  private InputRules() {}

  /** An instance profile's path and tags, as IAM checks them (its name: the stack schema's). */
  static void instanceProfile(String path, Map<String, String> tags) {
    check("path", path, IamText.rolePathProblem(path));
    tags(tags);
  }

  static void role(String name, String path, String description, Map<String, String> tags) {
    check("roleName", name, IamText.roleNameProblem(name));
    check("path", path, IamText.rolePathProblem(path));
    for (String reserved : List.of("/aws-service-role/", "/aws-reserved/")) {
      if (path.regionMatches(true, 0, reserved, 0, reserved.length())) {
        throw new IamWriteException(INVALID_INPUT, "InvalidInput", "InvalidInput: the path "
            + path + " is reserved by AWS: " + reserved + " can only be used for AWS's own roles"
            + " (service-linked roles, IAM Identity Center)", null);
      }
    }
    description(description);
    tags(tags);
  }

  /** A value of an API call's input member checked against IAM's API model. */
  static void api(String operation, String member, String value) {
    String problem = IamApiModel.get().of(operation, member).problem(value);
    if (problem != null) {
      throw new IamWriteException(INVALID_INPUT, "ValidationError", "ValidationError: 1"
          + " validation error detected: Value '" + value + "' at '" + member + "' failed to"
          + " satisfy constraint: it " + problem, null);
    }
  }

  /** IAM refuses changes to roles that AWS owns (service-linked, /aws-reserved/). */
  static void modifiable(LiveRoleName role, boolean tagging) {
    String why = dev.rolectl.engine.live.LiveRole.awsOwned(role.name(), role.path());
    boolean serviceLinkedTag = tagging && role.path().startsWith("/aws-service-role/");
    if (why != null && !serviceLinkedTag) {
      throw new IamWriteException(INVALID_INPUT, "UnmodifiableEntity", "UnmodifiableEntity:"
          + " Cannot perform the operation on the protected role '" + role.name() + "' - " + why,
          null);
    }
  }

  /** A role's name and path. */
  record LiveRoleName(String name, String path) {}

  static void policy(String name, String path, String description, Map<String, String> tags) {
    check("policyName", name, IamText.policyNameProblem(name));
    check("path", path, IamText.policyPathProblem(path));
    if (description != null) {
      api("CreatePolicy", "Description", description);
    }
    tags(tags);
  }

  static void description(String description) {
    if (description != null) {
      check("description", description, IamText.roleDescriptionProblem(description));
    }
  }

  static void tags(Map<String, String> tags) {
    tags.forEach((k, v) -> {
      check("tag key", k, IamText.tagKeyProblem(k));
      check("tag value", v, IamText.tagValueProblem(v));
    });
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (String k : tags.keySet()) {
      if (!seen.add(k.toLowerCase(java.util.Locale.ROOT))) {
        throw new IamWriteException(INVALID_INPUT, "InvalidInput", "InvalidInput: Duplicate tag"
            + " keys found. Please note that Tag keys are case insensitive.", null);
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw new IamWriteException(LIMIT_EXCEEDED_INPUT, "LimitExceeded", "LimitExceeded: a"
          + " resource can have at most " + MAX_TAGS + " tags", null);
    }
  }

  /** IAM allows 50 tags on a role or policy. */
  static final int MAX_TAGS = 50;
  private static final IamWriteException.Kind LIMIT_EXCEEDED_INPUT =
      IamWriteException.Kind.LIMIT_EXCEEDED;

  /** Refuses tags that would give the resource more than {@link #MAX_TAGS}. */
  static void tagCount(Map<String, String> existing, Map<String, String> added) {
    Map<String, String> after = new java.util.TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    after.putAll(existing);
    after.putAll(added);
    if (after.size() > MAX_TAGS) {
      throw new IamWriteException(LIMIT_EXCEEDED_INPUT, "LimitExceeded", "LimitExceeded: a"
          + " resource can have at most " + MAX_TAGS + " tags", null);
    }
  }

  /**
   * Adds tags as IAM does: keys are case-insensitive, so a tag overwrites the one whose key
   * differs only in case (and takes its place, in the new case).
   */
  static void putTags(Map<String, String> existing, Map<String, String> added) {
    added.forEach((k, v) -> {
      existing.keySet().removeIf(old -> old.equalsIgnoreCase(k));
      existing.put(k, v);
    });
  }

  /** Removes tags as IAM does: a key removes the tag whose key differs only in case too. */
  static void removeTags(Map<String, String> existing, java.util.Collection<String> keys) {
    existing.keySet().removeIf(old -> keys.stream().anyMatch(old::equalsIgnoreCase));
  }

  static void document(PolicyDocument d) {
    String json = PolicyParser.toJson(d);
    int bad = IamText.firstOutsidePolicyCharacters(json);
    if (bad >= 0) {
      throw new IamWriteException(INVALID_INPUT, "MalformedPolicyDocument",
          "MalformedPolicyDocument: the policy document contains " + IamText.describe(bad)
              + ", outside tab, line breaks and U+0020-U+00FF", null);
    }
    api("CreatePolicy", "PolicyDocument", json);
    for (dev.rolectl.engine.model.Statement s : d.statements()) {
      if (s.sid() != null && !SID.matcher(s.sid()).matches()) {
        throw new IamWriteException(INVALID_INPUT, "MalformedPolicyDocument",
            "MalformedPolicyDocument: Statement IDs (SID) must be alpha-numeric. Check that your"
                + " input satisfies the regular expression [0-9A-Za-z]*", null);
      }
    }
  }

  /** IAM's Sid charset (IAM User Guide, policy element Sid). */
  private static final java.util.regex.Pattern SID =
      java.util.regex.Pattern.compile("[0-9A-Za-z]*");

  /** A customer managed policy's document (CreatePolicy, CreatePolicyVersion). */
  static void managedDocument(PolicyDocument d) {
    document(d);
    if (!PolicyDocument.CURRENT_VERSION.equals(d.version())) {
      throw new IamWriteException(INVALID_INPUT, "MalformedPolicyDocument",
          "MalformedPolicyDocument: Policy document must be version 2012-10-17 or greater.",
          null);
    }
  }

  static void attachable(String policyArn) {
    if (AwsManagedPolicies.forServiceLinkedRoles(policyArn)) {
      throw new IamWriteException(INVALID_INPUT, "PolicyNotAttachable",
          "PolicyNotAttachable: Cannot attach a Service Role Policy to a Customer Role.", null);
    }
  }

  private static void check(String what, String value, String problem) {
    if (problem != null) {
      throw new IamWriteException(INVALID_INPUT, "ValidationError", "ValidationError: the "
          + what + " '" + value + "' " + problem, null);
    }
  }
}

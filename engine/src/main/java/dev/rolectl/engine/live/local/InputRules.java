package dev.rolectl.engine.live.local;

import static dev.rolectl.engine.live.IamWriteException.Kind.INVALID_INPUT;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.IamText;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.Map;

/**
 * The input checks IAM's API makes before it changes anything (patterns and lengths of
 * botocore's IAM model, via {@link IamText}), so that a file target refuses what IAM refuses:
 * {@code ValidationError} for names, paths, descriptions and tags, {@code MalformedPolicyDocument}
 * for documents, {@code PolicyNotAttachable} for a service-linked role's policy.
 */
final class InputRules {
  private InputRules() {}

  static void role(String name, String path, String description, Map<String, String> tags) {
    check("roleName", name, IamText.roleNameProblem(name));
    check("path", path, IamText.rolePathProblem(path));
    description(description);
    tags(tags);
  }

  static void policy(String name, String path, String description, Map<String, String> tags) {
    check("policyName", name, IamText.policyNameProblem(name));
    check("path", path, IamText.policyPathProblem(path));
    if (description != null && description.length() > 1000) {
      check("description", description, "is longer than 1,000 characters");
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
  }

  static void document(PolicyDocument d) {
    int bad = IamText.firstOutsidePolicyCharacters(PolicyParser.toJson(d));
    if (bad >= 0) {
      throw new IamWriteException(INVALID_INPUT, "MalformedPolicyDocument",
          "MalformedPolicyDocument: the policy document contains " + IamText.describe(bad)
              + ", outside tab, line breaks and U+0020-U+00FF", null);
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

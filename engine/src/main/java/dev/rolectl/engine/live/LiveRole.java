package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A role as it exists in the account.
 *
 * @param description {@code null} when none
 * @param permissionsBoundaryArn {@code null} when none
 * @param attachedPolicyArns managed policies attached, in the order IAM lists them
 * @param inlinePolicies inline policy name to document
 * @param instanceProfiles names of instance profiles that contain the role
 * @param lastUsed when the role was last used, {@code null} if never or unknown
 */
public record LiveRole(
    String name,
    String path,
    String arn,
    String roleId,
    String description,
    int maxSessionDuration,
    PolicyDocument trustPolicy,
    String permissionsBoundaryArn,
    Map<String, String> tags,
    List<String> attachedPolicyArns,
    Map<String, PolicyDocument> inlinePolicies,
    List<String> instanceProfiles,
    Instant lastUsed) {

  public LiveRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(arn, "arn");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
    tags = Map.copyOf(tags);
    attachedPolicyArns = List.copyOf(attachedPolicyArns);
    inlinePolicies = Map.copyOf(inlinePolicies);
    instanceProfiles = List.copyOf(instanceProfiles);
  }

  /** Service-linked roles are never planned for change. */
  public boolean isServiceLinked() {
    return path.startsWith("/aws-service-role/");
  }

  /**
   * Why AWS owns the role, or {@code null}: a service-linked role (path {@code
   * /aws-service-role/}: only its service may change or delete it) or a role under {@code
   * /aws-reserved/} (IAM Identity Center's permission-set roles; IAM answers changes with
   * UnmodifiableEntity). rolectl never creates, changes, adopts, tags or deletes such a role;
   * stacks may still name its ARN.
   */
  public String awsOwned() {
    return awsOwned(name, path);
  }

  /** As {@link #awsOwned()}, for a role's name and path. */
  public static String awsOwned(String name, String path) {
    if (path.startsWith("/aws-service-role/")) {
      String service = path.substring("/aws-service-role/".length()).replace("/", "");
      return "role " + name + " is a service-linked role (path " + path + "): "
          + (service.isEmpty() ? "its AWS service" : service) + " created it and only that"
          + " service may change or delete it";
    }
    if (path.startsWith("/aws-reserved/")) {
      return "role " + name + " is reserved by AWS (path " + path + ")"
          + (path.startsWith("/aws-reserved/sso.amazonaws.com/")
              ? ": IAM Identity Center made it from a permission set; change the permission set"
                  + " instead" : "")
          + "; IAM refuses changes to it (UnmodifiableEntity)";
    }
    return null;
  }

  /** Roles that a CloudFormation stack owns are never planned for change. */
  public boolean isCloudFormationOwned() {
    return tags.containsKey("aws:cloudformation:stack-name");
  }
}

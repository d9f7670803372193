package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import java.util.List;
import java.util.Map;

/**
 * An existing user or group. {@code GetAccountAuthorizationDetails} gives users and groups with
 * their policies; planning reads them in its first call ({@link ReadRequest}).
 *
 * @param permissionsBoundaryArn a user's permissions boundary, {@code null} when none (groups
 *     have none)
 * @param path the user's or group's path ({@code /} when not read)
 * @param groups a user's groups by name (empty for groups)
 * @param inlinePolicies inline policy name to document
 * @param unreadablePolicies inline policies whose documents rolectl cannot model: name to the
 *     document as read (a file target writes it back unchanged), so that access analysis knows
 *     what it does not know
 * @param tags a user's tags (empty for groups)
 */
public record LivePrincipal(
    PrincipalType type,
    String name,
    List<String> attachedPolicyArns,
    String permissionsBoundaryArn,
    String path,
    List<String> groups,
    Map<String, PolicyDocument> inlinePolicies,
    Map<String, String> unreadablePolicies,
    Map<String, String> tags) {
  public LivePrincipal {
    java.util.Objects.requireNonNull(type, "type");
    java.util.Objects.requireNonNull(name, "name");
    attachedPolicyArns = List.copyOf(attachedPolicyArns);
    path = path == null ? "/" : path;
    groups = List.copyOf(groups);
    inlinePolicies = Map.copyOf(inlinePolicies);
    unreadablePolicies = Map.copyOf(unreadablePolicies);
    tags = Map.copyOf(tags);
  }

  /** A principal with attachments and a boundary only (no inline policies, groups or tags). */
  public LivePrincipal(
      PrincipalType type, String name, List<String> attachedPolicyArns, String permissionsBoundaryArn) {
    this(type, name, attachedPolicyArns, permissionsBoundaryArn, "/", List.of(), Map.of(), Map.of(),
        Map.of());
  }

  /** A principal without a permissions boundary. */
  public LivePrincipal(PrincipalType type, String name, List<String> attachedPolicyArns) {
    this(type, name, attachedPolicyArns, null);
  }

  /** The same principal with other attached policy ARNs. */
  public LivePrincipal withAttached(List<String> arns, String boundaryArn) {
    return new LivePrincipal(type, name, arns, boundaryArn, path, groups, inlinePolicies,
        unreadablePolicies, tags);
  }

  /** {@code arn:PARTITION:iam::ACCOUNT:user/PATH/NAME} (or {@code group}). */
  public String arn(String partition, String accountId) {
    return "arn:" + partition + ":iam::" + accountId + ":"
        + (type == PrincipalType.GROUP ? "group" : "user") + path + name;
  }
}

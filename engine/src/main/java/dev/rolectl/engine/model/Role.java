package dev.rolectl.engine.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An IAM role. Its managed policy attachments and inline policies are separate resources
 * ({@link RolePolicyAttachment}, {@link InlinePolicy}) that depend on it.
 *
 * @param description {@code null} when absent
 * @param permissionsBoundary policy ARN, {@code null} when absent
 * @param ecsInfrastructure declared ECS infrastructure purpose, {@code null} when none
 * @param protect refuse to delete or replace
 * @param adopt take over an existing untagged role of this name
 */
public record Role(
    Address address,
    Location location,
    String name,
    String path,
    String description,
    int maxSessionDuration,
    PolicyDocument trustPolicy,
    String permissionsBoundary,
    Map<String, String> tags,
    EcsInfrastructure ecsInfrastructure,
    boolean protect,
    boolean adopt,
    Set<Address> dependsOn)
    implements Resource {

  public static final int DEFAULT_MAX_SESSION_DURATION = 3600;

  public Role {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
    tags = Map.copyOf(tags);
    dependsOn = Set.copyOf(dependsOn);
  }

  public String arn(String partition, String accountId) {
    return "arn:" + partition + ":iam::" + accountId + ":role" + path + name;
  }
}

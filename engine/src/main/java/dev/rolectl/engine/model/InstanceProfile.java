package dev.rolectl.engine.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The EC2 instance profile a role of the stack declares ({@code instanceProfile:}), with that role
 * in it. Its address is {@code roles.ROLE.instanceProfile}; it depends on its role, so it is
 * created after the role and deleted before it. IAM lets a profile hold one role.
 *
 * @param name the profile's name (the role's unless the stack names another)
 * @param path the profile's path ({@code /} unless given); IAM cannot change it, so a new path
 *     replaces the profile
 * @param roleName the role in it; for a profile read from live IAM, {@code null} when it holds
 *     none
 * @param tags the stack's tags and the role's (the owner tag added when planned)
 * @param adopt take over an existing untagged profile of this name (the role's {@code adopt})
 */
public record InstanceProfile(
    Address address,
    Location location,
    String name,
    String path,
    String roleName,
    Map<String, String> tags,
    boolean adopt,
    Set<Address> dependsOn)
    implements Resource {

  public InstanceProfile {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    tags = Map.copyOf(tags);
    dependsOn = Set.copyOf(dependsOn);
  }

  public String arn(String partition, String accountId) {
    return "arn:" + partition + ":iam::" + accountId + ":instance-profile" + path + name;
  }
}

package dev.rolectl.engine.model;

import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A customer managed policy. Its attachments to existing principals are separate resources.
 *
 * @param protect refuse to delete or replace it (also kept on the live policy as the tag {@link
 *     Stack#PROTECT_TAG})
 * @param adopt take over an existing untagged policy of this name
 */
public record ManagedPolicy(
    Address address,
    Location location,
    String name,
    String path,
    String description,
    PolicyDocument document,
    Map<String, String> tags,
    boolean protect,
    boolean adopt,
    Set<Address> dependsOn)
    implements Resource {

  public ManagedPolicy {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(document, "document");
    tags = Map.copyOf(tags);
    dependsOn = Set.copyOf(dependsOn);
  }

  /** A policy that is not protected. */
  public ManagedPolicy(
      Address address,
      Location location,
      String name,
      String path,
      String description,
      PolicyDocument document,
      Map<String, String> tags,
      boolean adopt,
      Set<Address> dependsOn) {
    this(address, location, name, path, description, document, tags, false, adopt, dependsOn);
  }

  public String arn(String partition, String accountId) {
    return "arn:" + partition + ":iam::" + accountId + ":policy" + path + name;
  }
}

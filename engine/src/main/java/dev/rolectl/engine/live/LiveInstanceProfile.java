package dev.rolectl.engine.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An EC2 instance profile as it exists in the account.
 *
 * @param roles names of the roles in it (IAM allows one)
 * @param tags its tags (the {@code rolectl:stack} tag says which stack owns it)
 */
public record LiveInstanceProfile(
    String name, String path, String arn, List<String> roles, Map<String, String> tags) {
  public LiveInstanceProfile {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(arn, "arn");
    roles = List.copyOf(roles);
    tags = Map.copyOf(tags);
  }
}

package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code CreateRole} gets.
 *
 * @param description {@code null} when none
 * @param permissionsBoundary a policy ARN, {@code null} when none
 * @param tags every tag, the {@code rolectl:stack} owner tag included
 */
public record NewRole(
    String name,
    String path,
    String description,
    int maxSessionDuration,
    PolicyDocument trustPolicy,
    String permissionsBoundary,
    Map<String, String> tags) {
  public NewRole {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(trustPolicy, "trustPolicy");
    tags = Map.copyOf(tags);
  }
}

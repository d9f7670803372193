package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.Map;
import java.util.Objects;

/**
 * What {@code CreatePolicy} gets.
 *
 * @param description {@code null} when none
 * @param tags every tag, the {@code rolectl:stack} owner tag included
 */
public record NewPolicy(
    String name, String path, String description, PolicyDocument document, Map<String, String> tags) {
  public NewPolicy {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(document, "document");
    tags = Map.copyOf(tags);
  }
}

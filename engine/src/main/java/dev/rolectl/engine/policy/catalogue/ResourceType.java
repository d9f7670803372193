package dev.rolectl.engine.policy.catalogue;

import java.util.Objects;

/**
 * A resource type of a service, e.g. {@code object} of {@code s3} with the ARN template
 * {@code arn:${Partition}:s3:::${BucketName}/${ObjectName}}.
 */
public record ResourceType(String service, String name, String arnTemplate) {
  public ResourceType {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arnTemplate, "arnTemplate");
  }

  /** The service namespace of the ARN ({@code s3}, {@code execute-api}), or "" if malformed. */
  public String arnService() {
    String[] parts = arnTemplate.split(":", 4);
    return parts.length > 2 ? parts[2] : "";
  }

  /**
   * Whether a Resource value (an ARN, wildcards and policy variables allowed) can name a resource
   * of this type: some ARN matches both the value and the template.
   */
  public boolean couldMatch(String resource) {
    return Globs.overlap(Globs.placeholdersToStars(resource),
        Globs.placeholdersToStars(arnTemplate));
  }
}

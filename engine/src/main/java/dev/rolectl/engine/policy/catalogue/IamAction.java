package dev.rolectl.engine.policy.catalogue;

import java.util.List;
import java.util.Objects;

/**
 * An action of the IAM service reference, e.g. {@code s3:GetObject}.
 *
 * @param resourceTypes the resource types it authorises; empty when it supports only
 *     {@code "Resource": "*"}
 */
public record IamAction(String service, String name, List<ResourceType> resourceTypes) {
  public IamAction {
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(name, "name");
    resourceTypes = List.copyOf(resourceTypes);
  }

  /** {@code service:Name}. */
  public String fullName() {
    return service + ":" + name;
  }

  /** Whether a statement Resource value can apply to this action. */
  public boolean appliesTo(String resource) {
    if (resource.equals("*")) {
      return true;
    }
    return resourceTypes.stream().anyMatch(t -> t.couldMatch(resource));
  }
}

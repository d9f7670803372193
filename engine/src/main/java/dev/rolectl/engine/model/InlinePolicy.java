package dev.rolectl.engine.model;

import java.util.Objects;
import java.util.Set;

/** An inline policy embedded in a role of the stack. */
public record InlinePolicy(
    Address address,
    Location location,
    String roleName,
    String policyName,
    PolicyDocument document,
    Set<Address> dependsOn)
    implements Resource {

  public InlinePolicy {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(document, "document");
    dependsOn = Set.copyOf(dependsOn);
  }
}

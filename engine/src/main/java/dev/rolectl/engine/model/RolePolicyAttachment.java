package dev.rolectl.engine.model;

import java.util.Objects;
import java.util.Set;

/** A managed policy (AWS or customer) attached to a role of the stack. */
public record RolePolicyAttachment(
    Address address, Location location, String roleName, String policyArn, Set<Address> dependsOn)
    implements Resource {

  public RolePolicyAttachment {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(policyArn, "policyArn");
    dependsOn = Set.copyOf(dependsOn);
  }
}

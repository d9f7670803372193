package dev.rolectl.engine.model;

import java.util.Objects;
import java.util.Set;

/**
 * A customer managed policy of the stack attached to a user, group or role that exists already and
 * is not managed by the stack.
 */
public record PrincipalPolicyAttachment(
    Address address,
    Location location,
    PrincipalType principalType,
    String principalName,
    String policyName,
    String policyArn,
    Set<Address> dependsOn)
    implements Resource {

  public PrincipalPolicyAttachment {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(principalType, "principalType");
    Objects.requireNonNull(principalName, "principalName");
    Objects.requireNonNull(policyName, "policyName");
    Objects.requireNonNull(policyArn, "policyArn");
    dependsOn = Set.copyOf(dependsOn);
  }
}

package dev.rolectl.engine.model;

import java.util.Objects;

/**
 * The stable name of a resource in a stack, in the style of a Terraform address:
 * {@code roles.NAME}, {@code policies.NAME}, {@code roles.NAME.managedPolicies["ARN"]},
 * {@code roles.NAME.inlinePolicies.POLICY}, {@code roles.NAME.instanceProfile}, {@code policies.NAME.attachTo.users.PRINCIPAL}.
 */
public record Address(String value) implements Comparable<Address> {
  public Address {
    Objects.requireNonNull(value, "value");
    if (value.isBlank()) {
      throw new IllegalArgumentException("empty address");
    }
  }

  public static Address role(String roleName) {
    return new Address("roles." + roleName);
  }

  public static Address policy(String policyName) {
    return new Address("policies." + policyName);
  }

  public static Address attachment(String roleName, String policyArn) {
    return new Address("roles." + roleName + ".managedPolicies[\"" + policyArn + "\"]");
  }

  /** The instance profile a role declares: {@code roles.ROLE.instanceProfile}. */
  public static Address instanceProfile(String roleName) {
    return new Address("roles." + roleName + ".instanceProfile");
  }

  public static Address inline(String roleName, String policyName) {
    return new Address("roles." + roleName + ".inlinePolicies." + policyName);
  }

  public static Address principalAttachment(
      String policyName, PrincipalType type, String principalName) {
    return new Address(
        "policies." + policyName + ".attachTo." + type.yamlKey() + "." + principalName);
  }

  @Override
  public int compareTo(Address other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}

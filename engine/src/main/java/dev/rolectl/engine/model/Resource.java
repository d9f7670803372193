package dev.rolectl.engine.model;

import java.util.Set;

/** A node of the resource graph: something rolectl creates, changes or deletes. */
public sealed interface Resource
    permits Role, ManagedPolicy, RolePolicyAttachment, InlinePolicy, PrincipalPolicyAttachment,
        InstanceProfile {

  /** The resource's stable name in the stack. */
  Address address();

  /** Where the resource is declared. */
  Location location();

  /** Resources this one refers to, through {@code ${...}} references or structure. */
  Set<Address> dependsOn();
}

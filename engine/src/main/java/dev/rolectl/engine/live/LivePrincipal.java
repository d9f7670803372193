package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PrincipalType;
import java.util.List;

/**
 * An existing user or group (read only when the stack attaches policies to it, or deletes a
 * policy).
 *
 * @param permissionsBoundaryArn a user's permissions boundary, {@code null} when none (groups
 *     have none)
 */
public record LivePrincipal(
    PrincipalType type, String name, List<String> attachedPolicyArns, String permissionsBoundaryArn) {
  public LivePrincipal {
    java.util.Objects.requireNonNull(type, "type");
    java.util.Objects.requireNonNull(name, "name");
    attachedPolicyArns = List.copyOf(attachedPolicyArns);
  }

  /** A principal without a permissions boundary. */
  public LivePrincipal(PrincipalType type, String name, List<String> attachedPolicyArns) {
    this(type, name, attachedPolicyArns, null);
  }
}

package dev.rolectl.engine.live;

import dev.rolectl.engine.model.PrincipalType;
import java.util.List;

/** An existing user or group (read only when the stack attaches policies to it). */
public record LivePrincipal(PrincipalType type, String name, List<String> attachedPolicyArns) {
  public LivePrincipal {
    java.util.Objects.requireNonNull(type, "type");
    java.util.Objects.requireNonNull(name, "name");
    attachedPolicyArns = List.copyOf(attachedPolicyArns);
  }
}

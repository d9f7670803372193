package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * AWS-owned roles (service-linked, {@code /aws-reserved/}) are never changed: a policy's {@code
 * attachTo.roles} naming one is an error at plan time, not an UnmodifiableEntity half-way
 * through apply. (Declaring such a role by name is refused by {@link Actions}.)
 */
final class AwsOwnedRoles {
  static final String RULE = "aws-owned-role";

  private AwsOwnedRoles() {}

  static List<Diagnostic> check(Stack stack, LiveAccount live) {
    List<Diagnostic> out = new ArrayList<>();
    stack.resources(PrincipalPolicyAttachment.class)
        .filter(a -> a.principalType() == PrincipalType.ROLE)
        .forEach(a -> role(live, a.principalName()).map(LiveRole::awsOwned).ifPresent(why ->
            out.add(new Diagnostic(Severity.ERROR, RULE, a.location(), a.address(),
                "policy " + a.policyName() + " cannot be attached to it: " + why + ". rolectl"
                    + " never changes AWS-owned roles: remove it from attachTo.roles"))));
    return out;
  }

  /** The live role of that name, case-insensitively as IAM matches names. */
  static Optional<LiveRole> role(LiveAccount live, String name) {
    LiveRole exact = live.roles().get(name);
    if (exact != null) {
      return Optional.of(exact);
    }
    return live.roles().values().stream().filter(r -> r.name().equalsIgnoreCase(name)).findFirst();
  }
}

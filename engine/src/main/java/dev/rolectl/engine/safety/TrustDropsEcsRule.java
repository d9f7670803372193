package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.AssumeChange;
import java.util.List;
import java.util.Optional;

/**
 * {@code ecs-trust-drops-ecs}: a new trust policy under which {@code ecs.amazonaws.com} can no
 * longer, or may no longer, call {@code sts:AssumeRole}, judged by {@link AssumeChange}: the
 * statement removed, the principal changed or an unconditional Deny added (certain), or a
 * Condition added to or changed on the Allow that admits ECS, or a Deny added that could match ECS
 * whatever its Condition (rolectl cannot evaluate a condition for ECS: fail closed), or the only
 * Allow for ECS naming it other than exactly {@code ecs.amazonaws.com} (AWS does not document that
 * service principals match ignoring case: fail closed). A change that only broadens what ECS may
 * do (a condition removed) is no concern.
 */
final class TrustDropsEcsRule implements SafetyRule {
  static final String ID = "ecs-trust-drops-ecs";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    if (!(change.before() instanceof Role before)
        || (change.action() != Action.UPDATE && change.action() != Action.ADOPT)) {
      return List.of();
    }
    for (AttributeDiff d : change.diffs()) {
      if (d instanceof AttributeDiff.Document doc && d.attribute().equals("trustPolicy")) {
        Optional<AssumeChange.Loss> loss =
            AssumeChange.of(doc.before(), doc.after(), RoleIndex.ECS_SERVICE);
        if (loss.isPresent()) {
          return roles.role(before.name()).map(r -> List.of(hazard(r, loss.get()))).orElse(List.of());
        }
      }
    }
    return List.of();
  }

  private static Hazard hazard(RoleRef role, AssumeChange.Loss loss) {
    String why = String.join("; ", loss.reasons());
    if (loss.certain()) {
      return new Hazard(ID, role, "changing the trust policy of role " + role.name() + " so that "
          + RoleIndex.ECS_SERVICE + " can no longer assume it", "ECS can no longer assume the role ("
          + why + ")", true);
    }
    return new Hazard(ID, role, "changing the trust policy of role " + role.name() + " so that "
        + RoleIndex.ECS_SERVICE + " may no longer be able to assume it", "ECS may no longer be"
        + " able to assume the role: " + why + ", and " + (loss.cannotTell().equals(
            AssumeChange.CANNOT_EVALUATE_CONDITION) ? "rolectl cannot evaluate a condition for ECS,"
            + " so it" : loss.cannotTell() + ", so rolectl") + " counts this as taking the role"
        + " from ECS (fail closed)", false);
  }
}

package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.List;

/** {@code ecs-role-delete}: deleting or replacing a role takes it away from ECS. */
final class RoleDeleteRule implements SafetyRule {
  static final String ID = "ecs-role-delete";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    if (!(change.before() instanceof Role before)
        || (change.action() != Action.DELETE && change.action() != Action.REPLACE)) {
      return List.of();
    }
    String doing =
        change.action() == Action.DELETE
            ? "deleting role " + before.name()
            : "replacing role " + before.name() + " (delete, then create)";
    return roles
        .role(before.name())
        .map(r -> List.of(new Hazard(ID, r, doing, "ECS can no longer assume the role", true)))
        .orElse(List.of());
  }
}

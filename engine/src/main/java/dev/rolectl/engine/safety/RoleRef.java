package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.EcsInfrastructure;
import java.util.Objects;

/**
 * A role that a change may disrupt, as the safety rules see it.
 *
 * @param arn the ARN of the role as it exists now (before the change)
 * @param declared the {@code ecsInfrastructure:} the stack declares for it, {@code null} if none
 * @param trustsEcs whether its current trust policy lets {@code ecs.amazonaws.com} assume it
 */
record RoleRef(String name, String arn, EcsInfrastructure declared, boolean trustsEcs) {

  RoleRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
  }

  /**
   * Whether ECS could be using it as an infrastructure role: it is declared as one, or ECS can
   * assume it now. A role ECS cannot assume is in no deployment's way, so ECS is not asked about
   * it.
   */
  boolean ecsRelevant() {
    return declared != null || trustsEcs;
  }
}

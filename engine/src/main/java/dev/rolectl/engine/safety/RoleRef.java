package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.EcsInfrastructure;
import java.util.List;
import java.util.Objects;

/**
 * A role that a change may disrupt, as the safety rules see it.
 *
 * @param arn the ARN of the role as it exists now (before the change)
 * @param declared the {@code ecsInfrastructure:} the stack declares for it, {@code null} if none
 * @param trustsEcs whether its current trust policy lets {@code ecs.amazonaws.com} assume it
 * @param trustsEcsTasks whether its current trust policy lets {@code ecs-tasks.amazonaws.com}
 *     assume it
 * @param instanceProfiles the instance profiles it is in now (live IAM); empty when none or when
 *     live IAM is not at hand
 */
record RoleRef(
    String name,
    String arn,
    EcsInfrastructure declared,
    boolean trustsEcs,
    boolean trustsEcsTasks,
    List<String> instanceProfiles) {

  RoleRef {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arn, "arn");
    instanceProfiles = List.copyOf(instanceProfiles);
  }

  /** A role that is in no instance profile and that ECS tasks cannot assume. */
  RoleRef(String name, String arn, EcsInfrastructure declared, boolean trustsEcs) {
    this(name, arn, declared, trustsEcs, false, List.of());
  }

  /**
   * Whether ECS could be using it as an infrastructure role: it is declared as one, or ECS can
   * assume it now. A role ECS cannot assume is in no deployment's way, so ECS is not asked about
   * it.
   */
  boolean ecsRelevant() {
    return declared != null || trustsEcs;
  }

  /** Whether {@code user} could be using it, so that its reads must be asked. */
  boolean relevant(UsedBy user) {
    return switch (user) {
      case ECS_INFRASTRUCTURE -> ecsRelevant();
      case ECS_TASKS -> trustsEcsTasks;
      case EC2 -> !instanceProfiles.isEmpty();
    };
  }
}

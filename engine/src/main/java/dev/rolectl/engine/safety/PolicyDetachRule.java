package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.List;
import java.util.Optional;

/**
 * {@code ecs-policy-detach}: detaching one of the AWS managed ECS infrastructure-role policies
 * ({@link EcsInfrastructure#managedPolicyName()}, e.g. {@code
 * AmazonECSInfrastructureRolePolicyForLoadBalancers}) from a role, also as part of a replace.
 */
final class PolicyDetachRule implements SafetyRule {
  static final String ID = "ecs-policy-detach";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    if (!(change.before() instanceof RolePolicyAttachment a)
        || (change.action() != Action.DELETE && change.action() != Action.REPLACE)) {
      return List.of();
    }
    Optional<EcsInfrastructure> kind = roles.infrastructurePolicy(a.policyArn());
    if (kind.isEmpty()) {
      return List.of();
    }
    String consequence =
        "ECS loses the permissions of "
            + kind.get().managedPolicyName()
            + " that it needs to manage the service's resources";
    return roles
        .role(a.roleName())
        .map(
            r ->
                List.of(
                    new Hazard(
                        ID,
                        r,
                        "detaching "
                            + kind.get().managedPolicyName()
                            + " from role "
                            + a.roleName(),
                        consequence,
                        true)))
        .orElse(List.of());
  }
}

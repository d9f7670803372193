package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.List;

/**
 * Deleting or replacing a role takes it away from whoever uses it: {@value #ID} (ECS as an
 * infrastructure role), {@value #TASKS_ID} (ECS tasks as a task or execution role) and {@value
 * #EC2_ID} (EC2 instances through an instance profile).
 */
final class RoleDeleteRule implements SafetyRule {
  static final String ID = "ecs-role-delete";
  static final String TASKS_ID = "ecs-task-role-delete";
  static final String EC2_ID = "ec2-role-delete";

  private final String id;
  private final UsedBy usedBy;
  private final String consequence;

  RoleDeleteRule() {
    this(ID, UsedBy.ECS_INFRASTRUCTURE, "ECS can no longer assume the role");
  }

  RoleDeleteRule(String id, UsedBy usedBy, String consequence) {
    this.id = id;
    this.usedBy = usedBy;
    this.consequence = consequence;
  }

  /** The rule for ECS tasks. */
  static RoleDeleteRule tasks() {
    return new RoleDeleteRule(TASKS_ID, UsedBy.ECS_TASKS, "running tasks lose the role's"
        + " credentials and new tasks fail to start (ResourceInitializationError for an execution"
        + " role), so the services cannot scale or replace tasks");
  }

  /** The rule for EC2 instances. */
  static RoleDeleteRule ec2() {
    return new RoleDeleteRule(EC2_ID, UsedBy.EC2, "the instances lose the role's credentials");
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    if (usedBy == UsedBy.EC2 && change.before() instanceof InstanceProfile profile) {
      return profileHazards(change, profile, roles);
    }
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
        .map(r -> List.of(new Hazard(id, r, doing, consequence, true, usedBy, false)))
        .orElse(List.of());
  }

  /**
   * Deleting or replacing a role's instance profile (a declared one, or one this stack owns), or
   * putting another role into it (adopting a profile that holds another role, drift), takes the
   * role it holds now out of it: the instances associated with that profile lose the role's
   * credentials as if the role were deleted. Judged for that profile alone.
   */
  private List<Hazard> profileHazards(ResourceChange change, InstanceProfile profile,
      RoleIndex roles) {
    boolean swapsRole = (change.action() == Action.UPDATE || change.action() == Action.ADOPT)
        && change.diffs().stream().anyMatch(d -> d.attribute().equals("role"));
    if ((change.action() != Action.DELETE && change.action() != Action.REPLACE && !swapsRole)
        || profile.roleName() == null) {
      return List.of();
    }
    String doing = (change.action() == Action.DELETE ? "deleting instance profile "
        : change.action() == Action.REPLACE ? "replacing instance profile "
        : "putting another role into instance profile ") + profile.name() + " (role "
        + profile.roleName() + " is taken out of it)";
    return roles.role(profile.roleName())
        .map(r -> new RoleRef(r.name(), r.arn(), r.declared(), r.trustsEcs(), r.trustsEcsTasks(),
            List.of(profile.name())))
        .map(r -> List.of(new Hazard(id, r, doing, consequence, true, usedBy, false)))
        .orElse(List.of());
  }
}

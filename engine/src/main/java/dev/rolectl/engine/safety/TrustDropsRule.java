package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.AssumeChange;
import java.util.List;
import java.util.Optional;

/**
 * A new trust policy under which the service principal of a role's user can no longer, or may no
 * longer, call {@code sts:AssumeRole}: {@value #ID} ({@code ecs.amazonaws.com}), {@value
 * #TASKS_ID} ({@code ecs-tasks.amazonaws.com}) and {@value #EC2_ID} ({@code ec2.amazonaws.com}),
 * judged by {@link AssumeChange}: the statement removed, the principal changed or an
 * unconditional Deny added (certain), or a Condition added to or changed on the Allow that admits
 * the principal, or a Deny added that could match it whatever its Condition (rolectl cannot
 * evaluate a condition for the service: fail closed), or the only Allow naming it other than
 * exactly as AWS writes it (AWS does not document that service principals match ignoring case:
 * fail closed). A change that only broadens what the service may do (a condition removed) is no
 * concern.
 */
final class TrustDropsRule implements SafetyRule {
  static final String ID = "ecs-trust-drops-ecs";
  static final String TASKS_ID = "ecs-trust-drops-ecs-tasks";
  static final String EC2_ID = "ec2-trust-drops-ec2";

  private final String id;
  private final UsedBy usedBy;
  private final String who;

  private TrustDropsRule(String id, UsedBy usedBy, String who) {
    this.id = id;
    this.usedBy = usedBy;
    this.who = who;
  }

  static TrustDropsRule ecs() {
    return new TrustDropsRule(ID, UsedBy.ECS_INFRASTRUCTURE, "ECS");
  }

  static TrustDropsRule tasks() {
    return new TrustDropsRule(TASKS_ID, UsedBy.ECS_TASKS, "ECS tasks");
  }

  static TrustDropsRule ec2() {
    return new TrustDropsRule(EC2_ID, UsedBy.EC2, "EC2 instances");
  }

  @Override
  public String id() {
    return id;
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
            AssumeChange.of(doc.before(), doc.after(), usedBy.principal());
        if (loss.isPresent()) {
          return roles.role(before.name()).map(r -> List.of(hazard(r, loss.get()))).orElse(List.of());
        }
      }
    }
    return List.of();
  }

  private Hazard hazard(RoleRef role, AssumeChange.Loss loss) {
    String why = String.join("; ", loss.reasons());
    String principal = usedBy.principal();
    if (loss.certain()) {
      return new Hazard(id, role, "changing the trust policy of role " + role.name() + " so that "
          + principal + " can no longer assume it", who + " can no longer assume the role ("
          + why + ")", true, usedBy, false);
    }
    return new Hazard(id, role, "changing the trust policy of role " + role.name() + " so that "
        + principal + " may no longer be able to assume it", who + " may no longer be"
        + " able to assume the role: " + why + ", and " + (loss.cannotTell().equals(
            AssumeChange.CANNOT_EVALUATE_CONDITION) ? "rolectl cannot evaluate a condition for "
            + who + ", so it" : loss.cannotTell() + ", so rolectl") + " counts this as taking"
        + " the role from " + who + " (fail closed)", false, usedBy, false);
  }
}

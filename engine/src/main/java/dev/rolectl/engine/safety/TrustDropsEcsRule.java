package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.TrustAnalysis;
import java.util.List;

/**
 * {@code ecs-trust-drops-ecs}: a new trust policy under which {@code ecs.amazonaws.com} can no
 * longer call {@code sts:AssumeRole} (statement removed, principal changed, or a Deny added),
 * judged on the new document with {@link TrustAnalysis#allowsAssume}.
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
      if (d instanceof AttributeDiff.Document doc
          && d.attribute().equals("trustPolicy")
          && TrustAnalysis.allowsAssume(doc.before(), RoleIndex.ECS_SERVICE)
          && !TrustAnalysis.allowsAssume(doc.after(), RoleIndex.ECS_SERVICE)) {
        return roles
            .role(before.name())
            .map(
                r ->
                    List.of(
                        new Hazard(
                            ID,
                            r,
                            "changing the trust policy of role "
                                + before.name()
                                + " so that "
                                + RoleIndex.ECS_SERVICE
                                + " can no longer assume it",
                            "ECS can no longer assume the role",
                            true)))
            .orElse(List.of());
      }
    }
    return List.of();
  }
}

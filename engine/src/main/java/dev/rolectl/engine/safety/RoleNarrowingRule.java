package dev.rolectl.engine.safety;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.AccessImpact;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ecs-role-narrowing}: any other change that takes permissions from a role: a permissions
 * boundary added or changed, a managed policy detached (other than the ECS infrastructure policies,
 * see {@link PolicyDetachRule}), an inline policy deleted or narrowed, an inline policy added or a
 * managed policy attached that narrows (a Deny in it, or a document rolectl does not know, such as
 * an AWS managed policy's), and a customer managed policy that the role has attached or uses as
 * its permissions boundary narrowed, deleted or replaced (whichever stack owns it, also when it
 * was attached by hand). "Narrows" is the plan's {@link AccessImpact} {@code NARROWING} or {@code
 * MIXED}.
 */
final class RoleNarrowingRule implements SafetyRule {
  static final String ID = "ecs-role-narrowing";
  private static final String CONSEQUENCE = "ECS may lack permissions it needs";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    Action action = change.action();
    boolean removed = action == Action.DELETE || action == Action.REPLACE;
    boolean updated = action == Action.UPDATE || action == Action.ADOPT;
    boolean narrows =
        change.impact() == AccessImpact.NARROWING || change.impact() == AccessImpact.MIXED;
    if (change.before() instanceof Role role && updated) {
      return boundary(change, role, roles);
    }
    if (action == Action.CREATE) {
      return narrows ? added(change, roles) : List.of();
    }
    if (change.before() instanceof RolePolicyAttachment a
        && removed
        && roles.infrastructurePolicy(a.policyArn()).isEmpty()) {
      return hazard(
          roles, a.roleName(), "detaching " + a.policyArn() + " from role " + a.roleName());
    }
    if (change.before() instanceof InlinePolicy p && (removed || (updated && narrows))) {
      String verb = removed ? "deleting" : "narrowing";
      return hazard(
          roles,
          p.roleName(),
          verb + " inline policy " + p.policyName() + " of role " + p.roleName());
    }
    if (change.before() instanceof PrincipalPolicyAttachment p
        && p.principalType() == PrincipalType.ROLE
        && removed) {
      return hazard(
          roles,
          p.principalName(),
          "detaching " + p.policyArn() + " from role " + p.principalName());
    }
    if (change.before() instanceof ManagedPolicy p && (removed || (updated && narrows))) {
      return customerPolicy(p, removed, roles);
    }
    return List.of();
  }

  /** A policy added inline or attached whose document narrows (or is not known). */
  private static List<Hazard> added(ResourceChange change, RoleIndex roles) {
    if (change.after() instanceof InlinePolicy p) {
      return hazard(roles, p.roleName(), "adding inline policy " + p.policyName() + " to role "
          + p.roleName() + " (it has a Deny statement)");
    }
    if (change.after() instanceof RolePolicyAttachment a) {
      return hazard(roles, a.roleName(), attaching(a.policyArn(), a.roleName()));
    }
    if (change.after() instanceof PrincipalPolicyAttachment p
        && p.principalType() == PrincipalType.ROLE) {
      return hazard(roles, p.principalName(), attaching(p.policyArn(), p.principalName()));
    }
    return List.of();
  }

  private static String attaching(String policyArn, String role) {
    return "attaching " + policyArn + " to role " + role + (RoleIndex.awsManaged(policyArn)
        ? " (the safety check does not read the live documents of AWS managed policies, which AWS"
            + " changes without notice, so it cannot tell whether this one denies something: fail"
            + " closed)"
        : " (it has a Deny statement, or rolectl does not know its document)");
  }

  /** The roles that have the policy attached or use it as their permissions boundary. */
  private static List<Hazard> customerPolicy(ManagedPolicy p, boolean removed, RoleIndex roles) {
    String verb = removed ? "deleting" : "narrowing";
    List<Hazard> out = new ArrayList<>();
    for (String role : roles.rolesAttaching(p)) {
      out.addAll(hazard(roles, role,
          verb + " customer managed policy " + p.name() + ", attached to role " + role));
    }
    for (String role : roles.rolesBoundedBy(p, removed)) {
      out.addAll(hazard(roles, role, verb + " customer managed policy " + p.name()
          + ", the permissions boundary of role " + role));
    }
    return out;
  }

  private static List<Hazard> boundary(ResourceChange change, Role role, RoleIndex roles) {
    for (AttributeDiff d : change.diffs()) {
      if (d instanceof AttributeDiff.Value v
          && v.attribute().equals("permissionsBoundary")
          && v.after() != null) {
        String doing =
            v.before() == null
                ? "adding permissions boundary " + v.after() + " to role " + role.name()
                : "changing the permissions boundary of role "
                    + role.name()
                    + " from "
                    + v.before()
                    + " to "
                    + v.after();
        return hazard(roles, role.name(), doing);
      }
    }
    return List.of();
  }

  private static List<Hazard> hazard(RoleIndex roles, String roleName, String doing) {
    return roles
        .role(roleName)
        .map(r -> List.of(new Hazard(ID, r, doing, CONSEQUENCE, false)))
        .orElse(List.of());
  }
}

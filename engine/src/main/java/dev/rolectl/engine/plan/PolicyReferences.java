package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Managed policies the stack attaches (or uses as permissions boundaries) but does not declare:
 * each must exist before anything is applied. {@link #toCheck} lists the ARNs the bulk read does
 * not answer (AWS managed ones, customer ones of other stacks that were not read) and no live
 * role has attached (an attached policy exists: IAM refuses to delete it), to be asked
 * once each ({@code IamAccount.missingPolicies}); {@link #diagnostics} turns the missing ones into
 * located errors (rule {@code missing-managed-policy}).
 */
public final class PolicyReferences {
  static final String RULE = "missing-managed-policy";

  private PolicyReferences() {}

  /** Distinct ARNs to ask about: referenced, not declared, not in the bulk read. */
  public static Set<String> toCheck(Stack stack, LiveAccount live) {
    Set<String> declared = new TreeSet<>();
    stack.resources(ManagedPolicy.class)
        .forEach(p -> declared.add(p.arn(stack.partition(), stack.accountId())));
    live.policies().values().stream().map(LiveManagedPolicy::arn).forEach(declared::add);
    live.unreadable().forEach(u -> declared.add(u.arn()));
    // attached to a live role (or its boundary): it exists, since IAM attaches only existing
    // policies and refuses to delete one that is attached (DeleteConflict)
    live.roles().values().forEach(r -> {
      declared.addAll(r.attachedPolicyArns());
      if (r.permissionsBoundaryArn() != null) {
        declared.add(r.permissionsBoundaryArn());
      }
    });
    Set<String> out = new TreeSet<>();
    stack.resources(RolePolicyAttachment.class).map(RolePolicyAttachment::policyArn)
        .filter(a -> !declared.contains(a)).forEach(out::add);
    stack.resources(Role.class).map(Role::permissionsBoundary)
        .filter(a -> a != null && !declared.contains(a)).forEach(out::add);
    return out;
  }

  /** One error per reference to a missing policy, at the reference. */
  public static List<Diagnostic> diagnostics(Stack stack, Set<String> missing) {
    List<Diagnostic> out = new ArrayList<>();
    if (missing.isEmpty()) {
      return out;
    }
    stack.resources(RolePolicyAttachment.class).filter(a -> missing.contains(a.policyArn()))
        .forEach(a -> out.add(new Diagnostic(Severity.ERROR, RULE, a.location(), a.address(),
            "role " + a.roleName() + " attaches " + a.policyArn() + ", which does not exist in "
            + "the account (IAM: NoSuchEntity): correct the ARN (AWS managed policies often "
            + "live under a path such as /service-role/) or create the policy first")));
    stack.resources(Role.class)
        .filter(r -> r.permissionsBoundary() != null && missing.contains(r.permissionsBoundary()))
        .forEach(r -> out.add(new Diagnostic(Severity.ERROR, RULE, r.location(), r.address(),
            "the permissions boundary " + r.permissionsBoundary() + " of role " + r.name()
            + " does not exist in the account (IAM: NoSuchEntity): correct the ARN")));
    return out;
  }
}

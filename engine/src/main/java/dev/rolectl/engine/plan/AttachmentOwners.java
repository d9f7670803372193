package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Who owns an attachment (docs/apply.md, "Ownership of attachments"): an attachment of a customer
 * policy belongs to the stack that owns the policy ({@code attachTo}, exclusive over principals
 * that stack does not manage); any other attachment of a role belongs to the role's stack ({@code
 * managedPolicies}). So one stack never removes another's attachment as drift ({@link CurrentState}
 * leaves them out), and a stack that lists another stack's policy in a role's {@code
 * managedPolicies} declares an attachment both stacks would claim: planning stops with an error
 * naming both.
 */
final class AttachmentOwners {
  static final String RULE = "attachment-owner";

  private AttachmentOwners() {}

  static List<Diagnostic> check(Stack stack, LiveAccount live) {
    Map<String, String> owners = new HashMap<>();
    for (LiveManagedPolicy p : live.policies().values()) {
      String owner = p.tags().get(Stack.OWNER_TAG);
      if (owner != null && !owner.equals(stack.name())) {
        owners.put(p.arn(), owner);
      }
    }
    List<Diagnostic> out = new ArrayList<>();
    stack.resources(RolePolicyAttachment.class)
        .forEach(
            a -> {
              String owner = owners.get(a.policyArn());
              if (owner != null) {
                out.add(
                    new Diagnostic(
                        Severity.ERROR,
                        RULE,
                        a.location(),
                        a.address(),
                        a.address() + ": stack " + stack.name() + " attaches " + a.policyArn()
                            + " to role " + a.roleName() + ", but that policy belongs to stack "
                            + owner + " (its " + Stack.OWNER_TAG + " tag), and the attachments of"
                            + " a policy belong to the policy's stack (its attachTo). Declare the"
                            + " attachment in stack " + owner + "'s attachTo.roles and remove it"
                            + " from managedPolicies here, so that the two stacks do not undo"
                            + " each other."));
              }
            });
    return out;
  }
}

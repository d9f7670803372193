package dev.rolectl.engine.apply;

import static dev.rolectl.engine.live.IamWriteException.Kind.NOT_FOUND;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.RolePolicyAttachment;
import java.util.Set;

/**
 * The IAM calls for attachments and inline policies: putting one in place ({@code Attach*Policy},
 * {@code PutRolePolicy}; both idempotent in IAM) and taking one away ({@code Detach*Policy},
 * {@code DeleteRolePolicy}; "not found" means it is gone already).
 */
final class ChildSteps {
  private final Steps s;

  ChildSteps(Steps steps) {
    this.s = steps;
  }

  /**
   * Puts the attachment or inline policy in place.
   *
   * @param justCreated what it belongs to was created in this apply: a "not found" may be IAM's
   *     eventual consistency and is waited out
   */
  void put(Resource r, boolean justCreated) {
    if (r instanceof RolePolicyAttachment a) {
      attach(PrincipalType.ROLE, a.roleName(), a.policyArn(), justCreated);
    } else if (r instanceof PrincipalPolicyAttachment p) {
      attach(p.principalType(), p.principalName(), p.policyArn(), justCreated);
    } else if (r instanceof InlinePolicy i) {
      Runnable call = () -> s.iam.putRolePolicy(i.roleName(), i.policyName(), i.document());
      if (justCreated) {
        s.callUntilFound("PutRolePolicy", call);
      } else {
        s.call("PutRolePolicy", call);
      }
    } else {
      throw new IllegalArgumentException(r.address() + " is not an attachment or inline policy");
    }
  }

  /** Takes the attachment or inline policy away; gone already counts as done. */
  void remove(Resource r) {
    if (r instanceof RolePolicyAttachment a) {
      s.idempotent(
          "DetachRolePolicy",
          Set.of(NOT_FOUND),
          () -> s.iam.detachPolicy(PrincipalType.ROLE, a.roleName(), a.policyArn()));
    } else if (r instanceof PrincipalPolicyAttachment p) {
      s.idempotent(
          "Detach" + PolicySteps.typeName(p.principalType()) + "Policy",
          Set.of(NOT_FOUND),
          () -> s.iam.detachPolicy(p.principalType(), p.principalName(), p.policyArn()));
    } else if (r instanceof InlinePolicy i) {
      s.idempotent(
          "DeleteRolePolicy",
          Set.of(NOT_FOUND),
          () -> s.iam.deleteRolePolicy(i.roleName(), i.policyName()));
    } else {
      throw new IllegalArgumentException(r.address() + " is not an attachment or inline policy");
    }
  }

  private void attach(PrincipalType type, String name, String arn, boolean justCreated) {
    String op = "Attach" + PolicySteps.typeName(type) + "Policy";
    Runnable call = () -> s.iam.attachPolicy(type, name, arn);
    if (justCreated) {
      s.callUntilFound(op, call);
    } else {
      s.call(op, call);
    }
  }
}

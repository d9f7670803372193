package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.AccessImpact;
import dev.rolectl.engine.policy.ImpactAnalysis;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The security impact of a policy that starts to apply to a principal that exists already: an
 * inline policy added to a role, a managed policy attached to a role, user or group. It is what
 * the policy's document says ({@link ImpactAnalysis} from no document): Allow statements broaden,
 * Deny statements narrow (an Allow and a Deny: MIXED). A document rolectl does not know (an AWS
 * managed policy, whose document it does not read, or a policy it found neither in the stack nor
 * in the account) may hold a Deny: MIXED (fail closed), so that the safety rules check it like any
 * other narrowing.
 *
 * <p>A principal the plan creates has no access to lose: the differ keeps {@link
 * AccessImpact#BROADENING} for its new policies.
 */
final class AddedPolicyImpact {
  /** Customer managed policy ARN to the document it will have after the apply. */
  private final Map<String, PolicyDocument> documents = new HashMap<>();

  AddedPolicyImpact(Stack stack, LiveAccount live) {
    live.policies().values().forEach(p -> documents.put(p.arn(), p.defaultDocument()));
    stack.resources(ManagedPolicy.class).forEach(p -> {
      documents.put(p.arn(live.partition(), live.accountId()), p.document());
      documents.put(p.arn(stack.partition(), stack.accountId()), p.document());
    });
  }

  /** The impact of creating {@code added}, an inline policy or an attachment. */
  AccessImpact of(Resource added) {
    if (added instanceof InlinePolicy p) {
      return ImpactAnalysis.of(null, p.document());
    }
    String arn = added instanceof RolePolicyAttachment a ? a.policyArn()
        : added instanceof PrincipalPolicyAttachment a ? a.policyArn() : null;
    if (arn == null) {
      return AccessImpact.BROADENING;
    }
    return document(arn).map(d -> ImpactAnalysis.of(null, d)).orElse(AccessImpact.MIXED);
  }

  /**
   * The document a customer managed policy will have after the apply: the stack's, else the
   * account's; empty for AWS managed policies and policies found in neither.
   */
  Optional<PolicyDocument> document(String policyArn) {
    return Optional.ofNullable(documents.get(policyArn));
  }
}

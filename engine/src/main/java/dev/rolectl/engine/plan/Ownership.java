package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.Stack;
import java.util.Map;

/**
 * Who owns a live role or customer managed policy, from its tags and path (docs/architecture.md,
 * "Ownership").
 */
enum Ownership {
  /** Tagged {@code rolectl:stack=<this stack>}. */
  OURS,
  /** No {@code rolectl:stack} tag: not ours unless adopted. */
  UNMANAGED,
  /** Tagged with another stack's name. */
  OTHER_STACK,
  /**
   * A service-linked role, a role under {@code /aws-reserved/} (IAM Identity Center's) or a
   * CloudFormation resource: never touched, whatever its tags say.
   */
  AWS_MANAGED;

  static final String CLOUDFORMATION_TAG = "aws:cloudformation:stack-name";

  static Ownership of(String stackName, String path, Map<String, String> tags) {
    if (path.startsWith("/aws-service-role/") || path.startsWith("/aws-reserved/")
        || tags.containsKey(CLOUDFORMATION_TAG)) {
      return AWS_MANAGED;
    }
    String owner = tags.get(Stack.OWNER_TAG);
    if (owner == null) {
      return UNMANAGED;
    }
    return owner.equals(stackName) ? OURS : OTHER_STACK;
  }
}

package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.PolicyDocument;

/**
 * Semantic equality of policy documents, following Terraform's awspolicyequivalence rules (see
 * {@code shared/reference/aws-facts.md}).
 */
public final class PolicyEquivalence {
  private PolicyEquivalence() {}

  public static boolean equivalent(PolicyDocument a, PolicyDocument b) {
    throw new UnsupportedOperationException("PolicyEquivalence is not built yet");
  }
}

package dev.rolectl.engine.access;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.catalogue.ManagedPolicyDocuments;

/**
 * Documents of AWS managed policies known offline ({@link ManagedPolicyDocuments}). A policy the
 * catalogue lacks (newer than it) makes the answers that depend on it "may", naming it.
 */
final class ManagedDocuments {
  private ManagedDocuments() {}

  /** The document of the AWS managed policy {@code arn}, or {@code null} when not known. */
  static PolicyDocument find(String arn) {
    return ManagedPolicyDocuments.get().document(arn).orElse(null);
  }
}

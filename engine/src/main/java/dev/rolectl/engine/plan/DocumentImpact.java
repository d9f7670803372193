package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.AccessImpact;
import dev.rolectl.engine.policy.ImpactAnalysis;

/** The security impact of replacing one policy document with another. */
final class DocumentImpact {
  private DocumentImpact() {}

  static AccessImpact of(PolicyDocument before, PolicyDocument after) {
    return ImpactAnalysis.of(before, after);
  }
}

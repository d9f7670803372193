package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.PolicyDocument;

/** The security impact of replacing one policy document with another. */
final class DocumentImpact {
  private DocumentImpact() {}

  static Impact of(PolicyDocument before, PolicyDocument after) {
    return Impact.MIXED; // refined with the policy package's statement analysis
  }
}

package dev.rolectl.engine.policy;

import java.util.Objects;

/**
 * One reason a policy change affects access, for plan output: e.g. BROADENING, "Allow statement
 * added (Action iam:PassRole)".
 */
public record ImpactReason(AccessImpact impact, String description) {
  public ImpactReason {
    Objects.requireNonNull(impact, "impact");
    Objects.requireNonNull(description, "description");
  }
}

package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.policy.AccessImpact;

/** Words for a change's security impact. */
final class ImpactLabel {
  private ImpactLabel() {}

  /** Every change's label, {@code no change to access} included. */
  static String describe(AccessImpact impact) {
    String label = of(impact);
    return label.isEmpty() ? "no change to access" : label;
  }

  /** Empty for no change to access. */
  static String of(AccessImpact impact) {
    switch (impact) {
      case BROADENING:
        return "broadens access";
      case NARROWING:
        return "narrows access";
      case MIXED:
        return "broadens and narrows access";
      case BRIEF_LOSS:
        return "access briefly lost, then the same";
      case NONE:
      default:
        return "";
    }
  }
}

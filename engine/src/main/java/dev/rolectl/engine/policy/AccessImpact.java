package dev.rolectl.engine.policy;

/**
 * Whether a change gives more access, less, both, or makes no difference to access; BRIEF_LOSS is
 * a replace that takes the access away for a moment and then gives back the same.
 */
public enum AccessImpact {
  BROADENING,
  NARROWING,
  MIXED,
  NONE,
  BRIEF_LOSS;

  /**
   * The impact of two changes together: NONE is neutral, opposite directions make MIXED, a brief
   * loss with a narrowing is a narrowing and with a broadening MIXED.
   */
  public AccessImpact and(AccessImpact other) {
    if (this == other || other == NONE) {
      return this;
    }
    if (this == NONE) {
      return other;
    }
    if (this == BRIEF_LOSS || other == BRIEF_LOSS) {
      AccessImpact rest = this == BRIEF_LOSS ? other : this;
      return rest == NARROWING ? NARROWING : MIXED;
    }
    return MIXED;
  }

  /** The opposite direction (for Deny statements); MIXED and NONE stay. */
  AccessImpact inverse() {
    return switch (this) {
      case BROADENING -> NARROWING;
      case NARROWING -> BROADENING;
      case MIXED, NONE, BRIEF_LOSS -> this;
    };
  }
}

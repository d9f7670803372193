package dev.rolectl.engine.policy;

/** Whether a change gives more access, less, both, or makes no difference to access. */
public enum AccessImpact {
  BROADENING,
  NARROWING,
  MIXED,
  NONE;

  /** The impact of two changes together: NONE is neutral, opposite directions make MIXED. */
  public AccessImpact and(AccessImpact other) {
    if (this == other || other == NONE) {
      return this;
    }
    if (this == NONE) {
      return other;
    }
    return MIXED;
  }

  /** The opposite direction (for Deny statements); MIXED and NONE stay. */
  AccessImpact inverse() {
    return switch (this) {
      case BROADENING -> NARROWING;
      case NARROWING -> BROADENING;
      case MIXED, NONE -> this;
    };
  }
}

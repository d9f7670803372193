package dev.rolectl.engine.plan;

/** The security impact of a change: does it grant more access, less, both, or neither. */
public enum Impact {
  NONE,
  BROADENING,
  NARROWING,
  MIXED;

  /** The impact of two changes together. */
  public Impact and(Impact other) {
    if (this == NONE) {
      return other;
    }
    if (other == NONE || other == this) {
      return this;
    }
    return MIXED;
  }

  public String jsonName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

package dev.rolectl.engine.access;

/**
 * A three-valued answer: yes, no, or may (it depends on something rolectl cannot evaluate
 * offline, which the answer names).
 */
public enum Grant {
  NO,
  MAY,
  YES;

  /** The stronger of two answers (yes over may over no). */
  public Grant or(Grant other) {
    return compareTo(other) >= 0 ? this : other;
  }

  /** {@code "yes"}, {@code "no"} or {@code "may"}. */
  public String word() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** {@code yes}, {@code no} or {@code may}, as written in a plan file; null when not one of them. */
  public static Grant fromWord(String word) {
    for (Grant g : values()) {
      if (g.word().equals(word)) {
        return g;
      }
    }
    return null;
  }
}

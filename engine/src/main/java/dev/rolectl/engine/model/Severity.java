package dev.rolectl.engine.model;

/** How serious a diagnostic is. Only {@link #ERROR} makes a command fail. */
public enum Severity {
  ERROR,
  WARNING,
  SUGGESTION;

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}

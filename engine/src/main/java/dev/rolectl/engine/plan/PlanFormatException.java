package dev.rolectl.engine.plan;

/** A saved plan file that cannot be read: corrupt, truncated, or of another format version. */
public final class PlanFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public PlanFormatException(String message) {
    super(message);
  }
}

package dev.rolectl.engine.api;

/**
 * An operation refused for a reason the user can fix (a role to import does not exist, ECS could
 * not be read for a snapshot); the message says what and what to do. Front ends show the message
 * alone, without a stack trace.
 */
public class Refused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public Refused(String message) {
    super(message);
  }
}

package dev.rolectl.cli.command;

/**
 * An error the user can fix, with a message that says how. Printed as {@code error: message},
 * without the "--debug" hint, since there is nothing more to see.
 */
public final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserError(String message) {
    super(message);
  }
}

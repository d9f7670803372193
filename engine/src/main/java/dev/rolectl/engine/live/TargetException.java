package dev.rolectl.engine.live;

import dev.rolectl.engine.model.Location;
import java.util.Optional;

/**
 * A live target could not be opened or read for a reason the user can act on: an unknown target
 * spec, a missing or corrupt account file, missing credentials, access denied. {@link
 * #getMessage()} is the complete user message (what is wrong and what to do); the CLI prints it
 * as it is, without a stack trace. {@link #location()} is set when the problem is at a place in a
 * file.
 */
public final class TargetException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final transient Location location;

  public TargetException(String message) {
    this(message, null, null);
  }

  public TargetException(String message, Throwable cause) {
    this(message, null, cause);
  }

  public TargetException(String message, Location location, Throwable cause) {
    super(message, cause);
    this.location = location;
  }

  /** Where in a file the problem is, when it is at one place. */
  public Optional<Location> location() {
    return Optional.ofNullable(location);
  }
}

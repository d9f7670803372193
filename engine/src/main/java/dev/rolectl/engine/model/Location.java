package dev.rolectl.engine.model;

import java.util.Objects;

/** A place in a stack file: 1-based line and column. Printed as {@code file:line:col}. */
public record Location(String file, int line, int column) {
  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 1 || column < 1) {
      throw new IllegalArgumentException("line and column are 1-based: " + line + ":" + column);
    }
  }

  /** The start of a file, for problems that concern a whole file (empty, unreadable, too large). */
  public static Location startOf(String file) {
    return new Location(file, 1, 1);
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}

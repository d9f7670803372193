package dev.rolectl.engine.input;

import dev.rolectl.engine.model.Location;

/**
 * A file handed to rolectl cannot be read or is not what it should be, at a place: 1-based {@link
 * #line()} and {@link #column()} (1:1 for problems of the whole file, such as its size). {@link
 * #problem()} says what is wrong and what to do, without a location; {@link #getMessage()} is
 * {@code line L, column C: PROBLEM}; {@link #at(String)} prefixes the file name, as rolectl's
 * errors are printed ({@code file:line:col: PROBLEM}).
 */
public final class InputProblem extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int line;
  private final int column;
  private final String problem;

  public InputProblem(int line, int column, String problem) {
    super("line " + line + ", column " + column + ": " + problem);
    this.line = Math.max(1, line);
    this.column = Math.max(1, column);
    this.problem = problem;
  }

  /** A problem of the whole file (located at its start). */
  public static InputProblem ofFile(String problem) {
    return new InputProblem(1, 1, problem);
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  /** What is wrong and what to do, without a location. */
  public String problem() {
    return problem;
  }

  /** The location in {@code file}. */
  public Location location(String file) {
    return new Location(file, line, column);
  }

  /** {@code file:line:col: PROBLEM}. */
  public String at(String file) {
    return location(file) + ": " + problem;
  }
}

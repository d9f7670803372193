package dev.rolectl.engine.plan;

/**
 * A saved plan file that cannot be read: corrupt, truncated, or of another format version. Where
 * the problem is known, {@link #line()} and {@link #column()} give its place in the text read
 * (1-based; 0 when unknown), and {@link #pointer()} the JSON Pointer of the value while the text
 * is not at hand (inside {@link PlanFile#read(String)}, which turns it into a line and column).
 * {@link #getMessage()} says what is wrong and what to do, without the place; {@link #at} adds it.
 */
public final class PlanFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String pointer;
  private final int line;
  private final int column;

  public PlanFormatException(String message) {
    this(message, null, 0, 0, null);
  }

  /** A problem at the value that {@code pointer} names (e.g. {@code /changes/3/kind}). */
  public PlanFormatException(String message, String pointer) {
    this(message, pointer, 0, 0, null);
  }

  PlanFormatException(String message, String pointer, int line, int column, Throwable cause) {
    super(message, cause);
    this.pointer = pointer;
    this.line = line;
    this.column = column;
  }

  /** A problem at a line and column of the text read. */
  static PlanFormatException at(int line, int column, String message, Throwable cause) {
    return new PlanFormatException(message, null, line, column, cause);
  }

  /** The JSON Pointer of the value at fault, or {@code null}. */
  public String pointer() {
    return pointer;
  }

  /** 1-based line of the problem in the text read, or 0 when unknown. */
  public int line() {
    return line;
  }

  /** 1-based column of the problem in the text read, or 0 when unknown. */
  public int column() {
    return column;
  }

  /** The same problem inside the value at {@code prefix} (a pointer): {@code prefix + pointer}. */
  PlanFormatException under(String prefix) {
    return line > 0 ? this : new PlanFormatException(getMessage(),
        prefix + (pointer == null ? "" : pointer), 0, 0, getCause());
  }

  /** {@code file:line:col: message} when the place is known, else {@code file: message}. */
  public String at(String file) {
    return file + (line > 0 ? ":" + line + ":" + column : "") + ": " + getMessage();
  }
}

package dev.rolectl.cli.command;

import picocli.CommandLine.Option;

/** Options every command takes. */
public final class GlobalOptions {
  @Option(
      names = "--debug",
      order = 90,
      description = "Show Java stack traces of unexpected errors.")
  boolean debug;

  @Option(
      names = "--no-color",
      order = 91,
      description = "Plain output without ANSI colors (also when NO_COLOR is set).")
  boolean noColor;

  public boolean debug() {
    return debug;
  }

  public boolean noColor() {
    return noColor;
  }
}

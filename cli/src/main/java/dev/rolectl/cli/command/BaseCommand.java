package dev.rolectl.cli.command;

import dev.rolectl.cli.Cli;
import dev.rolectl.cli.render.Style;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** What every subcommand has: the process streams and environment, and the global options. */
abstract class BaseCommand implements Callable<Integer> {
  @ParentCommand Cli cli;

  @Mixin GlobalOptions global;

  PrintWriter out() {
    return cli.out();
  }

  PrintWriter err() {
    return cli.err();
  }

  /** Whether stdout may be coloured: a terminal, no --no-color, no NO_COLOR. */
  boolean outColor() {
    return cli.terminal() && !global.noColor() && !cli.env().containsKey("NO_COLOR");
  }

  /** Colors for the error stream: only on a terminal, never with --no-color or NO_COLOR. */
  Style errStyle() {
    return Style.forTerminal(cli.terminal() && !global.noColor(), cli.env());
  }
}

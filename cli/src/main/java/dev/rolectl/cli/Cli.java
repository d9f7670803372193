package dev.rolectl.cli;

import dev.rolectl.cli.command.ApplyCommand;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Wires the picocli command tree to the process streams and the error policy. */
@Command(
    name = "rolectl",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "Keeps AWS IAM roles in line with YAML in Git, safely around ECS deployments.",
    subcommands = {CommandLine.HelpCommand.class, ApplyCommand.class},
    footer = {
      "",
      "Exit codes: 0 success (no changes), 1 error, 2 changes present (with --detailed-exitcode),",
      "            3 blocked by a safety rule."
    })
public final class Cli implements Runnable {
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private final boolean terminal;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  Cli(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = env;
    this.terminal = terminal;
  }

  @Override
  public void run() {
    spec.commandLine().usage(out);
  }

  CommandLine commandLine() {
    CommandLine cl = new CommandLine(this);
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler(this::handleExecutionException);
    cl.setParameterExceptionHandler(this::handleParameterException);
    return cl;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  public InputStream in() {
    return in;
  }

  public Map<String, String> env() {
    return env;
  }

  /** Whether the process runs on a terminal (colors are possible); false in tests. */
  public boolean terminal() {
    return terminal;
  }

  private int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    err.println("error: " + e.getMessage());
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.ERROR;
  }

  private int handleExecutionException(
      Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
    boolean debug = Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--debug");
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    err.println("error: " + message);
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("(run again with --debug for details)");
    }
    return ExitCode.ERROR;
  }

  /** Reads the version from the jar manifest. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Cli.class.getPackage().getImplementationVersion();
      return new String[] {"rolectl " + (v == null ? "dev" : v)};
    }
  }
}

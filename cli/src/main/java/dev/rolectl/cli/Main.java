package dev.rolectl.cli;

import dev.rolectl.engine.api.StackCheck;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;

/**
 * The command line. {@link #run} returns the exit code, so the whole CLI runs in-process in tests
 * with its own streams and environment; only {@link #main} touches the real process.
 */
public final class Main {
  private final PrintWriter out;
  private final PrintWriter err;
  private final InputStream in;
  private final Map<String, String> env;
  private final boolean terminal;

  public Main(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env) {
    this(out, err, in, env, false);
  }

  Main(PrintWriter out, PrintWriter err, InputStream in, Map<String, String> env, boolean terminal) {
    this.out = out;
    this.err = err;
    this.in = in;
    this.env = Map.copyOf(env);
    this.terminal = terminal;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    boolean terminal = System.console() != null;
    int code = new Main(out, err, System.in, System.getenv(), terminal).run(args);
    out.flush();
    err.flush();
    System.exit(code);
  }

  public int run(String... args) {
    if (Commands.loadsStack(args)) {
      StackCheck.preload(); // overlaps the schema set-up with picocli's on the second core
    }
    Cli cli = new Cli(out, err, in, env, terminal);
    CommandLine commandLine = cli.commandLine(args);
    try {
      return commandLine.execute(args);
    } catch (OutOfMemoryError | StackOverflowError e) {
      // Java's own errors escape picocli: say what happened in words, the trace with --debug
      err.println("error: rolectl ran out of " + (e instanceof OutOfMemoryError ? "memory ("
          + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB; give Java more, e.g."
          + " ROLECTL_JAVA_OPTS=-Xmx4g)" : "stack (input nested too deep?)")
          + (java.util.Arrays.asList(args).contains("--debug") ? "" : "; run again with --debug"
              + " for the details"));
      if (java.util.Arrays.asList(args).contains("--debug")) {
        e.printStackTrace(err);
      }
      return ExitCode.ERROR;
    } finally {
      out.flush();
      err.flush();
    }
  }
}

package dev.rolectl.cli;

import dev.rolectl.cli.command.UserError;
import dev.rolectl.engine.api.Refused;
import dev.rolectl.engine.live.TargetException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Wires the picocli command tree to the process streams and the error policy. */
@Command(
    name = "rolectl",
    mixinStandardHelpOptions = true,
    versionProvider = Cli.Version.class,
    description = "Keeps AWS IAM roles in line with YAML in Git, safely around ECS deployments.",
    subcommands = {CommandLine.HelpCommand.class}, // the others: see Commands
    footer = {
      "",
      "Examples:",
      "  rolectl validate examples/ecs-blue-green",
      "  rolectl graph examples/ecs-blue-green | dot -Tsvg > graph.svg",
      "  rolectl help validate",
      "",
      "Exit codes:",
      "  0  success (plan with --detailed-exitcode: no changes)",
      "  1  error: invalid stack, bad arguments, failed call",
      "  2  changes present (plan with --detailed-exitcode)",
      "  3  blocked by a safety rule",
      "  4  approval required (apply --require-approval): nothing was changed",
      "  130  interrupted (apply, Ctrl-C): the changes in progress finished, no new one",
      "       was started; apply again converges",
      "  143  terminated (apply, SIGTERM, as CI runners cancel a job): as 130",
      "  129  hung up (apply, SIGHUP, the terminal closed): as 130",
      "Each command's help says which of these it gives (rolectl help COMMAND)."
    })
public final class Cli implements Callable<Integer> {
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

  /** No command given: the usage on stderr, exit 1 (a usage error, like a bad argument). */
  @Override
  public Integer call() {
    err.println("error: no command given");
    spec.commandLine().usage(err);
    return ExitCode.ERROR;
  }

  /** The command tree for {@code args}: only the subcommand they name, if they name one. */
  CommandLine commandLine(String... args) {
    CommandLine cl = new CommandLine(this);
    for (String name : Commands.needed(args)) {
      cl.addSubcommand(name, Commands.create(name));
      Commands.adjust(name, cl.getSubcommands().get(name).getCommandSpec());
    }
    // Settings apply to the subcommands present when they are set: set them last.
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

  /** rolectl's version, e.g. {@code 0.1.0-SNAPSHOT}. */
  public String version() {
    return Version.number();
  }

  private int handleParameterException(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    err.println("error: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err); // "Did you mean: ..."
    err.println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCode.ERROR;
  }

  private int handleExecutionException(
      Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
    boolean debug = Arrays.asList(parseResult.originalArgs().toArray(new String[0])).contains("--debug");
    String message = internal(e) ? "an internal error in rolectl (a bug; nothing in your input"
        + " should cause it): run again with --debug for the details, and please report them"
        : e.getMessage();
    err.println("error: " + message);
    boolean expected =
        e instanceof UserError || e instanceof TargetException || e instanceof Refused
            || e instanceof dev.rolectl.engine.plan.PlanFormatException;
    if (debug) {
      e.printStackTrace(err);
    } else if (!expected && !internal(e)) {
      err.println("(run again with --debug for details)");
    }
    return ExitCode.ERROR;
  }

  /**
   * Whether the exception's message is Java's own, not rolectl's: a programming error (null,
   * class cast, index, arithmetic such as "long overflow") or Java's wording ("No enum constant",
   * "Cannot invoke"), or none. Its text is for {@code --debug}, not for the user.
   */
  static boolean internal(Exception e) {
    String m = e.getMessage();
    return m == null || e instanceof NullPointerException || e instanceof ClassCastException
        || e instanceof IndexOutOfBoundsException || e instanceof ArithmeticException
        || e instanceof ArrayStoreException || e instanceof NegativeArraySizeException
        || e instanceof java.util.ConcurrentModificationException
        || m.startsWith("No enum constant") || m.startsWith("Cannot invoke")
        || m.startsWith("Cannot read field") || m.startsWith("Cannot load from");
  }

  /** {@code --version}: the version line; {@code rolectl version} prints the details. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"rolectl " + number()};
    }

    static String number() {
      return BuildInfo.load().version();
    }
  }
}

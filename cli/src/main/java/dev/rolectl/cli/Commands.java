package dev.rolectl.cli;

import dev.rolectl.cli.command.ApplyCommand;
import dev.rolectl.cli.command.GraphCommand;
import dev.rolectl.cli.command.ImportCommand;
import dev.rolectl.cli.command.MergeCommand;
import dev.rolectl.cli.command.PlanCommand;
import dev.rolectl.cli.command.ShowCommand;
import dev.rolectl.cli.command.SnapshotCommand;
import dev.rolectl.cli.command.ValidateCommand;
import dev.rolectl.cli.command.VersionCommand;
import java.util.List;

/**
 * The subcommands, created by name. A run that names its command builds (and loads the classes
 * of) only that one: picocli reflects over every registered command at start-up, and the commands
 * that talk to AWS pull in much more than {@code validate} needs. Add a new command here.
 */
final class Commands {
  /** In the order {@code rolectl --help} lists them. */
  static final List<String> NAMES =
      List.of(
          "validate", "graph", "plan", "show", "apply", "merge", "import", "snapshot", "version");

  private Commands() {}

  static Object create(String name) {
    return switch (name) {
      case "validate" -> new ValidateCommand();
      case "graph" -> new GraphCommand();
      case "plan" -> new PlanCommand();
      case "show" -> new ShowCommand();
      case "apply" -> new ApplyCommand();
      case "merge" -> new MergeCommand();
      case "import" -> new ImportCommand();
      case "snapshot" -> new SnapshotCommand();
      case "version" -> new VersionCommand();
      default -> throw new IllegalArgumentException("no command " + name);
    };
  }

  /** Changes to a command's model that annotations cannot express. */
  static void adjust(String name, picocli.CommandLine.Model.CommandSpec spec) {
    if (name.equals("apply")) {
      ApplyCommand.labelPositional(spec);
    }
  }

  /**
   * Whether {@code args} run a command that loads a stack (and so wants the schema early): {@code
   * validate}, {@code graph}, {@code plan}, and {@code apply} of a stack (not of a saved plan, a
   * {@code .json} file, which loads no stack).
   */
  static boolean loadsStack(String... args) {
    if (args.length == 0) {
      return false;
    }
    if (args[0].equals("apply")) {
      return java.util.Arrays.stream(args).noneMatch(a -> a.endsWith(".json"));
    }
    return List.of("validate", "graph", "plan").contains(args[0]);
  }

  /** The command {@code args} run, or every command when it names none (help, errors). */
  static List<String> needed(String... args) {
    return args.length > 0 && NAMES.contains(args[0]) ? List.of(args[0]) : NAMES;
  }
}

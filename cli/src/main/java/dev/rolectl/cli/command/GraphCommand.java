package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.engine.api.CheckReport;
import dev.rolectl.engine.api.StackCheck;
import dev.rolectl.cli.render.TextReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rolectl graph}: the stack's dependency graph as Graphviz DOT. */
@Command(
    name = "graph",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Print the dependency graph of a stack as Graphviz DOT.",
    description = {
      "Reads the stack without touching AWS and prints its dependency graph.",
      "Each node is a resource address labelled with its kind; an edge A -> B means A depends on"
          + " B, so B is created before A and deleted after it."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl graph examples/ecs-blue-green",
      "  rolectl graph examples/service-team --var env=dev --var region=eu-west-1",
      "",
      "Exit codes:",
      "  0  the graph was printed",
      "  1  the stack has errors (printed on stderr), or bad arguments"
    })
public final class GraphCommand extends BaseCommand {
  /** Output formats of graph. */
  public enum Format {
    dot
  }

  @Mixin StackOptions stack;

  @Option(
      names = "--format", order = 20,
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "dot")
  Format format;

  @Override
  public Integer call() {
    CheckReport report = StackCheck.run(stack.oneAccount(), false);
    if (report.dot().isEmpty()) {
      TextReport.diagnostics(report.diagnostics(), err(), errStyle());
      err().println(TextReport.summary(report));
      return ExitCode.ERROR;
    }
    TextReport.diagnostics(report.diagnostics(), err(), errStyle());
    out().print(report.dot().get());
    return ExitCode.OK;
  }
}

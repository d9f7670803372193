package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.engine.api.CheckReport;
import dev.rolectl.engine.api.StackCheck;
import dev.rolectl.cli.render.CoreRules;
import dev.rolectl.cli.render.JsonReport;
import dev.rolectl.cli.render.RuleInfo;
import dev.rolectl.cli.render.SarifReport;
import dev.rolectl.cli.render.TextReport;
import dev.rolectl.engine.model.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rolectl validate}: schema, references, graph and policy lint, without AWS. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Check a stack offline: schema, references, cycles and policy lint.",
    description = {
      "Checks a stack without touching AWS: YAML syntax, the stack schema, $${...} references and"
          + " variables, dependency cycles and the policy lint rules.",
      "",
      "In text format, findings go to stderr as file:line:col: severity[rule]: message, and a"
          + " summary line to stdout. With --format json or sarif the whole report goes to stdout."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl validate examples/ecs-blue-green",
      "  rolectl validate stacks/app --var env=prod --account-id 111122223333",
      "  rolectl validate stacks/app --format sarif > rolectl.sarif",
      "",
      "Exit codes:",
      "  0  no errors (warnings and suggestions do not fail, unless --strict)",
      "  1  errors found, or bad arguments"
    })
public final class ValidateCommand extends BaseCommand {
  /** Output formats of validate. */
  public enum Format {
    text,
    json,
    sarif
  }

  @Mixin StackOptions stack;

  @Option(
      names = "--format", order = 20,
      paramLabel = "FORMAT",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format;

  @Option(names = "--strict", order = 21, description = "Fail (exit 1) on warnings too.")
  boolean strict;

  @Override
  public Integer call() {
    CheckReport report = StackCheck.run(stack.oneAccount(), true);
    switch (format) {
      case text -> {
        TextReport.diagnostics(report.diagnostics(), err(), errStyle());
        out().println(TextReport.summary(report));
      }
      case json -> JsonReport.write(report, out());
      case sarif -> {
        List<RuleInfo> rules = new ArrayList<>(CoreRules.ALL);
        StackCheck.lintRules()
            .forEach(r -> rules.add(new RuleInfo(r.id(), r.severity(), r.summary())));
        SarifReport.write(report, rules, cli.version(), Path.of(""), out());
      }
    }
    boolean failed = report.hasErrors() || (strict && report.count(Severity.WARNING) > 0);
    return failed ? ExitCode.ERROR : ExitCode.OK;
  }
}

package dev.rolectl.cli.command;

import dev.rolectl.cli.Cli;
import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.apply.ApplyJsonLines;
import dev.rolectl.cli.render.apply.ApplyProgress;
import dev.rolectl.cli.render.apply.ApplySummary;
import dev.rolectl.cli.render.plan.TextPlanRenderer;
import dev.rolectl.engine.apply.Applier;
import dev.rolectl.engine.apply.ApplyOptions;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;
import dev.rolectl.engine.apply.SafetyGate;
import dev.rolectl.engine.apply.SafetyGates;
import dev.rolectl.engine.apply.StalePlan;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import dev.rolectl.engine.plan.PlanFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code rolectl apply}: make live IAM match a stack, or apply a saved plan. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Make live IAM match a stack (or apply a saved plan).",
    description = {
      "With a stack: plans, shows the plan and asks for 'yes' before changing anything (unless"
          + " --auto-approve). With a saved plan (rolectl plan --out FILE): applies it only if live"
          + " IAM has not changed since it was made.",
      "",
      "Changes run in dependency order, independent ones in parallel; a change that fails skips"
          + " what depends on it, everything else goes on. Disruptive changes are re-checked"
          + " against ECS deployments right before they are made. Running apply again after a"
          + " failure or an interruption does only what is still missing."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl apply examples/ecs-blue-green --target local:account.json",
      "  rolectl apply stacks/app --var env=prod --auto-approve --json",
      "  rolectl apply app.plan.json",
      "",
      "Exit codes:",
      "  0  applied (or nothing to do)",
      "  1  error: a change failed, stale plan, refused confirmation, bad input",
      "  3  a change was blocked by a safety rule (nothing else failed)"
    })
public final class ApplyCommand implements Callable<Integer> {
  static final String PROMPT =
      "Do you want to perform these actions?\n"
          + "  rolectl will perform the actions described above.\n"
          + "  Only 'yes' will be accepted to approve.\n\n"
          + "  Enter a value: ";

  @ParentCommand Cli cli;

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "PATH|PLANFILE",
      description = "A stack file or directory (default: the current directory), or a saved plan.")
  Path path = Path.of(".");

  @Option(names = "--target", order = 1, paramLabel = "SPEC", defaultValue = "aws",
      description = "aws (default), local:FILE (an account kept in a JSON file).")
  String target;

  @Option(names = "--profile", order = 2, paramLabel = "NAME", description = "AWS profile.")
  String profile;

  @Option(names = "--region", order = 3, paramLabel = "REGION", description = "AWS region.")
  String region;

  @Option(names = "--auto-approve", order = 4, description = "Apply without asking for 'yes'.")
  boolean autoApprove;

  @Option(names = "--parallelism", order = 5, paramLabel = "N",
      description = "Changes made at once (default: " + ApplyOptions.DEFAULT_PARALLELISM + ").")
  int parallelism = ApplyOptions.DEFAULT_PARALLELISM;

  @Option(names = "--json", order = 6, description = "Progress as JSON lines on stdout, for bots.")
  boolean json;

  @Option(names = "--adopt", order = 7,
      description = "Adopt every untagged live role or policy the stack declares.")
  boolean adopt;

  @Option(names = "--var", order = 8, paramLabel = "NAME=VALUE",
      description = "Set variable $${var.NAME}; repeatable; wins over --var-file.")
  Map<String, String> vars = new LinkedHashMap<>();

  @Option(names = "--var-file", order = 9, paramLabel = "FILE",
      description = "YAML file of NAME: value variables; repeatable.")
  List<Path> varFiles = new ArrayList<>();

  @Option(names = "--debug", order = 90, description = "Show Java stack traces of unexpected errors.")
  boolean debug;

  @Option(names = "--no-color", order = 91, description = "Plain output without ANSI colors.")
  boolean noColor;

  private ApplyJsonLines jsonOut;

  @Override
  public Integer call() {
    if (parallelism < 1 || parallelism > 64) {
      throw new ParameterException(spec.commandLine(), "--parallelism must be 1 to 64, got " + parallelism);
    }
    if (!Files.exists(path)) {
      throw new ParameterException(spec.commandLine(), "no such stack or plan file: " + path);
    }
    jsonOut = json ? new ApplyJsonLines(cli.out()) : null;
    try {
      Optional<Plan> saved = savedPlan(path);
      return saved.isPresent() ? applySaved(saved.get()) : applyStack();
    } catch (TargetException | PlanFormatException e) {
      return error(e.getMessage());
    }
  }

  private int applyStack() {
    try (Target t = TargetOpener.open(target, profile, region, cli.env())) {
      IamWriter writer = writer(t);
      try (IamWriter.Lock lock = writer.lock()) {
        PlanMaker.Made made = PlanMaker.make(path, vars, varFiles, t, adopt, Clock.systemUTC());
        made.diagnostics().forEach(this::diagnostic);
        if (made.plan().isEmpty()) {
          return error("no plan was made: fix the errors above and run apply again");
        }
        Plan plan = made.plan().get();
        show(plan);
        if (!plan.hasChanges()) {
          return ExitCode.OK;
        }
        if (!autoApprove) {
          Optional<Integer> refused = confirm();
          if (refused.isPresent()) {
            return refused.get();
          }
        }
        SafetyGate gate = SafetyGates.ecs(plan, made.stack(), made.live(), t.ecs());
        return run(plan, writer, t, gate);
      }
    }
  }

  private int applySaved(Plan plan) {
    String spec = "aws".equals(target) && !plan.target().equals("aws") ? plan.target() : target;
    try (Target t = TargetOpener.open(spec, profile, region, cli.env())) {
      IamWriter writer = writer(t);
      try (IamWriter.Lock lock = writer.lock()) {
        LiveAccount live = t.iam().read(StalePlan.readRequest(plan));
        Optional<String> stale = StalePlan.check(plan, live);
        if (stale.isPresent()) {
          return error(stale.get());
        }
        if (!plan.hasChanges()) {
          message("info", "No changes. The saved plan has nothing to do.");
          return ExitCode.OK;
        }
        if (jsonOut != null) {
          jsonOut.plan(plan);
        } else {
          cli.out().println("Applying the saved plan for stack " + plan.stack() + " (made "
              + plan.createdAt() + "): " + TextPlanRenderer.summary(plan));
        }
        return run(plan, writer, t, SafetyGates.ecs(plan, live, t.ecs()));
      }
    }
  }

  private int run(Plan plan, IamWriter writer, Target t, SafetyGate gate) {
    ApplyOptions options =
        ApplyOptions.defaults(t.iam().partition()).withParallelism(parallelism).withGate(gate);
    Consumer<EngineEvent> progress = jsonOut != null ? jsonOut : new ApplyProgress(cli.out());
    ApplyResult result = Applier.apply(plan, writer, options, progress);
    if (jsonOut != null) {
      jsonOut.summary(result);
    } else {
      ApplySummary.write(result, cli.out(), cli.err());
    }
    if (!result.with(ChangeOutcome.Status.FAILED).isEmpty()
        || !result.with(ChangeOutcome.Status.NOT_STARTED).isEmpty()) {
      return ExitCode.ERROR;
    }
    return result.blocked() ? ExitCode.BLOCKED : ExitCode.OK;
  }

  private IamWriter writer(Target t) {
    return t.writer()
        .orElseThrow(
            () ->
                new TargetException(
                    "target " + t.spec() + " is read-only: apply changes 'aws' or 'local:FILE'"
                        + " (a snapshot: file is for planning only)"));
  }

  private void show(Plan plan) {
    if (jsonOut != null) {
      jsonOut.plan(plan);
      if (!plan.hasChanges()) {
        message("info", "No changes. Live IAM matches the stack.");
      }
      return;
    }
    cli.out().print(new TextPlanRenderer(cli.terminal() && !noColor).render(plan));
    cli.out().flush();
  }

  /** Empty when the user typed yes; else the exit code. */
  private Optional<Integer> confirm() {
    if (!cli.terminal()) {
      return Optional.of(
          error("refusing to apply without confirmation: the input is not a terminal. Review the"
              + " plan and run again with --auto-approve, or save it with 'rolectl plan --out FILE'"
              + " and apply that file"));
    }
    cli.out().print("\n" + PROMPT);
    cli.out().flush();
    String answer;
    try {
      answer = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (!"yes".equals(answer == null ? null : answer.trim())) {
      cli.out().println("\nApply cancelled: nothing was changed.");
      return Optional.of(ExitCode.ERROR);
    }
    cli.out().println();
    return Optional.empty();
  }

  /** A saved plan when the file is JSON; empty for a stack. */
  static Optional<Plan> savedPlan(Path path) {
    if (!Files.isRegularFile(path)) {
      return Optional.empty();
    }
    String text;
    try {
      text = Files.readString(path, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new TargetException(path + ": cannot read the file (" + e.getMessage() + ")", e);
    }
    if (!text.stripLeading().startsWith("{")) {
      return Optional.empty();
    }
    try {
      return Optional.of(PlanFile.read(text));
    } catch (PlanFormatException e) {
      throw new PlanFormatException(path + ": " + e.getMessage());
    }
  }

  private void diagnostic(Diagnostic d) {
    if (jsonOut != null) {
      message(d.severity().name().toLowerCase(java.util.Locale.ROOT), d.format());
    } else {
      cli.err().println(d.format());
    }
  }

  private void message(String level, String text) {
    if (jsonOut != null) {
      jsonOut.message(level, text);
    } else {
      cli.out().println(text);
    }
  }

  private int error(String text) {
    if (jsonOut != null) {
      jsonOut.message("error", text);
    } else {
      cli.err().println("error: " + text);
      cli.err().flush();
    }
    return ExitCode.ERROR;
  }
}

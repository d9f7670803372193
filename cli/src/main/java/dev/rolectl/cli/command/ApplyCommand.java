package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.TextReport;
import dev.rolectl.cli.render.apply.ApplyJsonLines;
import dev.rolectl.cli.render.apply.ApplyProgress;
import dev.rolectl.cli.render.apply.ApplySummary;
import dev.rolectl.cli.render.plan.TextPlanRenderer;
import dev.rolectl.engine.api.ApplySettings;
import dev.rolectl.engine.api.PlanOutcome;
import dev.rolectl.engine.api.Refused;
import dev.rolectl.engine.api.SavedApply;
import dev.rolectl.engine.api.SavedPlans;
import dev.rolectl.engine.api.StackApply;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;
import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code rolectl apply}: make live IAM match a stack, or apply a saved plan. */
@Command(
    name = "apply",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Make live IAM match a stack (or apply a saved plan).",
    description = {
      "With a stack: plans, shows the plan and asks for 'yes' before changing anything (unless"
          + " --auto-approve). With a saved plan (rolectl plan --out FILE): plans the stack the"
          + " file holds again against live IAM, and applies that plan only if it has exactly"
          + " the file's changes (documents, attachments, tags, order) and live IAM has not"
          + " changed since; otherwise nothing is changed and the first difference is named.",
      "",
      "Plan keys: with ROLECTL_PLAN_KEY (the secret) or ROLECTL_PLAN_KEY_FILE (a file holding"
          + " it) set, plan --out signs the file (HMAC-SHA-256) and apply refuses a plan that is"
          + " not signed with that key, before any lock or AWS call.",
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
      "  rolectl apply stacks/app --var env=prod --auto-approve --format json",
      "  rolectl apply app.plan.json",
      "  rolectl apply app.plan.json --wait-for-deployments 15m",
      "  rolectl apply app.plan.json --require-approval broadening --auto-approve \\",
      "      --approve-broadening sha256:3f2a...   (the digest the reviewed plan shows)",
      "  ROLECTL_PLAN_KEY_FILE=/run/secrets/plan.key rolectl apply app.plan.json",
      "  rolectl apply stacks/app --break-glass 'INC-4211 revoke AWS:* trust'",
      "  rolectl apply stacks/app --accounts-file accounts.txt --assume-role Deployer",
      "  rolectl apply accounts.plan.json   (many accounts; stale ones refused)",
      "",
      "Exit codes:",
      "  0  applied (or nothing to do)",
      "  1  error: a change failed, stale or edited plan, a plan not signed with the",
      "     plan key that is set, refused confirmation, bad input",
      "  3  a change was blocked by a safety rule (nothing else failed): the plan",
      "     blocked it, the re-check found a deployment, or --wait-for-deployments",
      "     ran out",
      "  4  approval required: --require-approval broadening (or any-change) and the",
      "     plan grants new access (or changes anything), with no terminal to ask and",
      "     no --approve-broadening digest naming this plan; nothing was changed",
      "  130  interrupted (Ctrl-C): the changes in progress finished, no new one",
      "       was started (before any change, or on a second Ctrl-C: ended at",
      "       once); the apply lock is released either way",
      "  143  terminated (SIGTERM, as CI runners cancel a job): as 130",
      "  129  hung up (SIGHUP, the terminal closed): as 130 (not under nohup)",
      "With several accounts: 1 when any account failed or was stale, else 3 when any",
      "was blocked, else 0."
    })
public final class ApplyCommand extends BaseCommand {
  static final String PROMPT =
      "Do you want to perform these actions?\n"
          + "  rolectl will perform the actions described above.\n"
          + "  Only 'yes' will be accepted to approve.\n\n"
          + "  Enter a value: ";

  @Spec CommandSpec spec;

  @Mixin StackOptions stack;

  @Mixin TargetMixin targetOptions;

  @Mixin AccountsMixin accountsOptions;

  @Option(names = "--auto-approve", order = 20, description = "Apply without asking for 'yes'.")
  boolean autoApprove;

  @Option(names = "--parallelism", order = 21, paramLabel = "N",
      description = "Changes made at once, 1 to 64 (default: " + ApplySettings.DEFAULT_PARALLELISM + ").")
  int parallelism = ApplySettings.DEFAULT_PARALLELISM;

  /** Output formats of apply. */
  public enum Format {
    text,
    json
  }

  @Option(names = "--format", order = 22, paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}); json: the plan,"
          + " progress and summary as JSON lines on stdout, for bots.")
  Format format;

  @Option(names = "--json", order = 23, description = "Same as --format json.")
  boolean json;

  @Option(names = "--adopt", order = 24,
      description = "Adopt every declared role or policy that exists without a rolectl:stack tag.")
  boolean adopt;

  @Option(names = "--wait-for-deployments", order = 25, paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "When an ECS deployment that uses a role is under way right before a"
          + " disruptive change, wait up to DURATION in all (e.g. 90s, 10m, 1h) for it to finish,"
          + " then go on; blocked changes are refused when the time is up. Without it they are"
          + " refused at once (exit 3).")
  Duration waitForDeployments = Duration.ZERO;

  @Option(names = "--break-glass", order = 25, paramLabel = "REASON",
      description = "Incident response only: make the changes that the ECS and EC2 safety rules"
          + " block (a deployment in progress, a role that ECS tasks or EC2 instances use, ECS"
          + " or EC2 that cannot be read), never those of protected resources. Each such change"
          + " is reported loudly. REASON (8 to 200 characters, e.g. an incident id and what it"
          + " fixes) is in the output (JSON: break_glass), in the user agent of every AWS call"
          + " and in the role session name where rolectl assumes a role (CloudTrail shows"
          + " both). Not with --wait-for-deployments.")
  String breakGlass;

  @Option(names = "--lock-timeout", order = 26, paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "When another apply of the same stack holds the lock (in the account for"
          + " aws, FILE.lock for local:), wait up to DURATION (e.g. 30s, 5m) for it, with a"
          + " progress line; without it apply stops at once, naming the holder. Default: 0s.")
  Duration lockTimeout = Duration.ZERO;

  @Option(names = "--require-approval", order = 28, paramLabel = "WHEN",
      converter = ApprovalGate.RequireConverter.class,
      completionCandidates = ApprovalGate.RequireValues.class,
      description = "Which plans need a person's approval even with --auto-approve: never"
          + " (default), broadening (the plan grants new access: its Access section says yes or"
          + " may) or any-change. Approval is an interactive 'yes', or --approve-broadening with"
          + " the plan's digest; without either apply refuses (exit 4).")
  ApprovalGate.Require requireApproval = ApprovalGate.Require.NEVER;

  @Option(names = "--approve-broadening", order = 29, paramLabel = "DIGEST",
      description = "Approves the plan whose digest this is (sha256:..., shown in its Access"
          + " section and as 'digest' in the JSON plan) for --require-approval; a digest of"
          + " another plan is refused (exit 4).")
  String approveBroadening;

  @Option(names = "--stats", order = 27,
      description = "Print API calls per operation (stderr) at the end, the apply lock's included.")
  boolean stats;

  private ApplyJsonLines jsonOut;

  /** Stops the apply; aborted (the locks released) when a signal ends the process at once. */
  Stop stop;

  /** SIGINT, SIGTERM and SIGHUP, handled from the start of the command to its end. */
  Interrupts interrupts;

  @Override
  public Integer call() {
    if (parallelism < 1 || parallelism > 64) {
      throw new ParameterException(spec.commandLine(), "--parallelism must be 1 to 64, got " + parallelism);
    }
    if (approveBroadening != null && requireApproval == ApprovalGate.Require.NEVER) {
      throw new ParameterException(spec.commandLine(), "--approve-broadening approves a plan for"
          + " --require-approval broadening or any-change: give one of those too");
    }
    jsonOut = json || format == Format.json ? new ApplyJsonLines(out()) : null;
    stop = new Stop();
    // text: on a line of its own (after the prompt, or the terminal's ^C)
    try (Interrupts handled = Interrupts.install(stop,
        text -> message("warning", jsonOut == null ? "\n" + text : text), () -> {
      out().flush();
      err().flush();
    })) {
      interrupts = handled;
      return dispatch();
    }
  }

  /** The apply asked for, with SIGINT, SIGTERM and SIGHUP handled ({@link Interrupts}). */
  private int dispatch() {
    try {
      breakGlass = BreakGlassOption.check(this);
      // a saved plan's signature is checked first (no lock, no AWS call), on the text then parsed
      Optional<String> text = SavedPlans.text(stack.path());
      var multi = text.filter(SavedPlans::isMulti).map(t -> SavedPlans.multi(stack.path(), t));
      Optional<Plan> saved = text.filter(t -> multi.isEmpty())
          .map(t -> SavedPlans.plan(stack.path(), t));
      if (text.isPresent()) {
        PlanKeys.forApply(stack.path(), text.get(), cli.env(), note -> message("warning", note));
      }
      if (accountsOptions.given() || multi.isPresent()) {
        if (jsonOut != null) {
          throw new UserError("--format json is for one account; with several accounts apply"
              + " prints text (save the plan with 'rolectl plan --out' for a machine-readable"
              + " record)");
        }
        if (stats) {
          throw new UserError("--stats is for one account in apply; 'rolectl plan --stats' counts"
              + " the calls of each account");
        }
        if (requireApproval != ApprovalGate.Require.NEVER) {
          throw new UserError("--require-approval is for one account; with several accounts"
              + " plan them, review the plan and apply it without the option");
        }
        if (multi.isPresent()) {
          SavedPlanOptions.check(this, "aws", true);
          return MultiAccountApply.fromPlan(this, multi.get());
        }
      }
      if (saved.isPresent()) {
        SavedPlanOptions.check(this, saved.get().target(), false);
        return applySaved(saved.get());
      }
      if (accountsOptions.given()) {
        return MultiAccountApply.fromStack(this);
      }
      accountsOptions.refuseWithoutAccounts();
      return applyStack();
    } catch (TargetException | PlanFormatException | UserError | Refused e) {
      int code = error(e.getMessage());
      for (Throwable also : e.getSuppressed()) {
        if (also instanceof TargetException t) {
          error(t.getMessage()); // e.g. a lock that could not be released, with its ARN
        }
      }
      return code;
    }
  }

  /** The aws target's options: the command line's and the environment's, with break glass. */
  dev.rolectl.engine.live.TargetOptions awsOptions() {
    return BreakGlassOption.options(TargetOpener.options(targetOptions, cli.env()), breakGlass);
  }

  private Target open(String spec) {
    return dev.rolectl.engine.live.Targets.open(spec, awsOptions());
  }

  private int applyStack() {
    try (Target t = open(targetOptions.spec(cli.env()))) {
      return withStats(t, () -> applyStack(t));
    }
  }

  /** Runs the apply, then prints the API calls of the whole command (locks released) with --stats. */
  private int withStats(Target t, java.util.function.IntSupplier apply) {
    try {
      return apply.getAsInt();
    } finally {
      if (stats) {
        Stats.print(t.stats(), err());
      }
    }
  }

  private int applyStack(Target t) {
    try (StackApply session = StackApply.open(stack.oneAccount(), t, adopt, lockTimeout, events(),
        ProgressNotes.to(err(), cli.terminal() && jsonOut == null), stop)) {
      PlanOutcome made = session.outcome();
      List<Diagnostic> found = made.shown();
      if (jsonOut != null) {
        found.forEach(this::diagnostic);
      } else {
        TextReport.diagnostics(found, err(), errStyle());
      }
      if (made.failed()) {
        return error("nothing was applied: fix the errors above and run apply again");
      }
      Plan plan = made.plan().get();
      show(plan);
      if (!plan.hasChanges()) {
        return ExitCode.OK;
      }
      Optional<Integer> gated = approval(plan, plan.access(), !autoApprove);
      if (gated.isPresent()) {
        return gated.get();
      }
      return run((progress, stop) -> session.apply(settings(), progress, stop));
    }
  }

  /** A one-account saved plan; {@link SavedPlanOptions#check} has refused what it does not use. */
  private int applySaved(Plan plan) {
    String spec = targetOptions.target != null ? targetOptions.target : plan.target();
    try (Target t = open(spec)) {
      Optional<String> readOnly = SavedPlans.readOnlyTarget(stack.path(), plan, t);
      if (readOnly.isPresent()) {
        return error(readOnly.get());
      }
      return withStats(t, () -> applySaved(plan, t));
    }
  }

  private int applySaved(Plan plan, Target t) {
    try (SavedApply session = SavedApply.open(plan, t, lockTimeout, events(),
        ProgressNotes.to(err(), cli.terminal() && jsonOut == null), stop)) {
      Optional<String> refused = session.refusal();
      if (refused.isPresent()) {
        return error(refused.get());
      }
      plan = session.plan();
      if (!plan.hasChanges()) {
        message("info", "No changes. The saved plan has nothing to do.");
        return ExitCode.OK;
      }
      if (jsonOut != null) {
        jsonOut.plan(plan);
      } else {
        out().println("Applying the saved plan for stack " + plan.stack() + " (made "
            + plan.createdAt() + "): " + TextPlanRenderer.summary(plan));
      }
      if (requireApproval != ApprovalGate.Require.NEVER) {
        // decided from this apply's own read, never from the file's copy of the analysis
        Optional<Integer> gated = approval(plan, session.access(), false);
        if (gated.isPresent()) {
          return gated.get();
        }
      }
      return run((progress, stop) -> session.apply(settings(), progress, stop));
    }
  }

  ApplySettings settings() {
    return new ApplySettings(parallelism, waitForDeployments, breakGlass);
  }

  private int run(java.util.function.BiFunction<Consumer<EngineEvent>, Stop, ApplyResult> apply) {
    Consumer<EngineEvent> progress = jsonOut != null ? jsonOut : new ApplyProgress(out());
    interrupts.applying();
    ApplyResult result = apply.apply(progress, stop);
    if (jsonOut != null) {
      jsonOut.summary(result, stop.reason(), breakGlass);
    } else {
      ApplySummary.write(result, stop.reason(), out(), err());
    }
    if (interrupts.received().isPresent()) {
      return interrupts.exitCode();
    }
    if (!result.with(ChangeOutcome.Status.FAILED).isEmpty()
        || !result.with(ChangeOutcome.Status.NOT_STARTED).isEmpty()) {
      return ExitCode.ERROR;
    }
    return result.blocked() ? ExitCode.BLOCKED : ExitCode.OK;
  }

  /** Where waiting for a lock is reported: the JSON lines, or progress lines. */
  private Consumer<EngineEvent> events() {
    return jsonOut != null ? jsonOut : new ApplyProgress(out());
  }

  private void show(Plan plan) {
    if (jsonOut != null) {
      jsonOut.plan(plan);
      if (!plan.hasChanges()) {
        message("info", "No changes. Live IAM matches the stack.");
      }
      return;
    }
    out().print(new TextPlanRenderer(outColor(), false).render(plan));
    out().flush();
  }

  /**
   * The --require-approval gate, then (when {@code confirm} and the gate did not ask already)
   * the usual confirmation: empty when the apply may go on, else the exit code.
   */
  private Optional<Integer> approval(Plan plan, dev.rolectl.engine.access.AccessReport access,
      boolean confirm) {
    ApprovalGate.Result gate = ApprovalGate.decide(requireApproval, approveBroadening, plan, access,
        cli.terminal() && jsonOut == null);
    if (gate.refused()) {
      error(gate.message());
      return Optional.of(gate.exitCode());
    }
    if (gate.decision() == ApprovalGate.Decision.ASK) {
      out().println("\n" + gate.message() + " --auto-approve does not approve it (--require-approval "
          + requireApproval + ").");
      return confirm();
    }
    return confirm ? confirm() : Optional.empty();
  }

  /** Empty when the user typed yes; else the exit code. */
  Optional<Integer> confirmOnce() {
    return confirm();
  }

  boolean color() {
    return outColor();
  }

  /** Empty when the user typed yes; else the exit code. */
  private Optional<Integer> confirm() {
    if (!cli.terminal()) {
      return Optional.of(
          error("refusing to apply without confirmation: the input is not a terminal. Review the"
              + " plan and run again with --auto-approve, or save it with 'rolectl plan --out FILE'"
              + " and apply that file"));
    }
    out().print("\n" + PROMPT);
    out().flush();
    String answer;
    try {
      answer = new BufferedReader(new InputStreamReader(cli.in(), StandardCharsets.UTF_8)).readLine();
    } catch (IOException e) {
      answer = null;
    }
    if (!"yes".equals(answer == null ? null : answer.trim())) {
      out().println("\nApply cancelled: nothing was changed.");
      return Optional.of(ExitCode.ERROR);
    }
    out().println();
    return Optional.empty();
  }

  /**
   * Shows the positional parameter as {@code PATH|PLANFILE}: apply takes a saved plan where the
   * other stack commands take only a stack. Called once the command line is built.
   */
  public static void labelPositional(CommandSpec spec) {
    var path = spec.positionalParameters().get(0);
    spec.remove(path);
    spec.addPositional(
        picocli.CommandLine.Model.PositionalParamSpec.builder(path)
            .paramLabel("PATH|PLANFILE")
            .description(
                "A stack (a .yaml or .yml file, or a directory), or a plan saved with 'rolectl"
                    + " plan --out FILE' (then options that shape a plan, such as --var or"
                    + " --accounts, are refused).")
            .build());
  }

  private void diagnostic(Diagnostic d) {
    message(d.severity().name().toLowerCase(java.util.Locale.ROOT), d.format());
  }

  /** The JSON lines of {@code --format json}, else {@code null}. */
  ApplyJsonLines jsonOut() {
    return jsonOut;
  }

  private void message(String level, String text) {
    if (jsonOut != null) {
      jsonOut.message(level, text);
    } else {
      out().println(text);
    }
  }

  private int error(String text) {
    if (jsonOut != null) {
      jsonOut.message("error", text);
    } else {
      err().println("error: " + text);
      err().flush();
    }
    return ExitCode.ERROR;
  }
}

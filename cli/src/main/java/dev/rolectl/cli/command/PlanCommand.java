package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.TextReport;
import dev.rolectl.cli.render.plan.PlanOutput;
import dev.rolectl.engine.api.PlanOutcome;
import dev.rolectl.engine.api.Planner;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code rolectl plan}: what apply would change, for people, bots and pull requests. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Show what apply would change in live IAM.",
    description = {
      "Reads the stack, reads live IAM in a handful of API calls, and prints every change apply"
          + " would make: attribute by attribute, policy documents statement by statement, each"
          + " with its security impact. Policies that mean the same thing never show a diff.",
      "",
      "Resources are owned through the tag rolectl:stack=<stack>. A live role or policy with a"
          + " declared name but no such tag stops the plan, unless the stack says adopt: true"
          + " for it or --adopt is given.",
      "",
      "A saved plan (--out) holds the resolved stack it was made from; apply plans that again"
          + " and runs it only if the result is the saved changes. With ROLECTL_PLAN_KEY (the"
          + " secret) or ROLECTL_PLAN_KEY_FILE (a file holding it) set, --out signs the file"
          + " (HMAC-SHA-256) so that apply, with the same key set, takes only plans made with it."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl plan examples/ecs-blue-green --target local:account.json",
      "  rolectl plan stacks/app --profile prod --out plan.json",
      "  rolectl plan stacks/app --format markdown > comment.md",
      "  rolectl plan stacks/app --organization --ou ou-ab12-cdef3456 \\",
      "      --assume-role OrganizationAccountAccessRole --out plan.json",
      "  rolectl plan stacks/app --accounts-file accounts.txt --assume-role Deployer \\",
      "      --shard 1/4 --out shard-1.json      (then: rolectl merge shard-*.json)",
      "",
      "Exit codes:",
      "  0  success (with --detailed-exitcode: no changes)",
      "  1  error",
      "  2  changes present (only with --detailed-exitcode)",
      "  3  a change is blocked by a safety rule",
      "With several accounts: the worst account's (failed 1, blocked 3, changes 2)."
    })
public final class PlanCommand extends BaseCommand {
  @Mixin StackOptions stack;

  @Mixin TargetMixin targetOptions;

  @Mixin AccountsMixin accountsOptions;

  @Option(
      names = "--format",
      order = 20,
      paramLabel = "FORMAT",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  PlanOutput.Format format;

  @Option(
      names = "--out",
      order = 21,
      paramLabel = "FILE",
      description = "Also save the plan as JSON, for 'rolectl show' and 'rolectl apply FILE';"
          + " signed when a plan key is set (ROLECTL_PLAN_KEY or ROLECTL_PLAN_KEY_FILE).")
  Path out;

  @Option(
      names = "--adopt",
      order = 22,
      description = "Adopt every declared role or policy that exists without a rolectl:stack tag.")
  boolean adopt;

  @Option(
      names = "--detailed-exitcode",
      order = 23,
      description = "Exit 2 when there are changes, 0 when there are none.")
  boolean detailedExitCode;

  @Option(
      names = "--stats",
      order = 24,
      description = "Print API calls per operation and time spent waiting on AWS (stderr).")
  boolean stats;

  @Override
  public Integer call() {
    if (out != null) {
      PlanKeys.from(cli.env()); // a key that cannot be used stops before planning
    }
    if (accountsOptions.given()) {
      return MultiAccountPlan.run(this, cli.env());
    }
    accountsOptions.refuseWithoutAccounts();
    try (Target target = targetOptions.open(cli.env())) {
      PlanOutcome outcome =
          Planner.plan(stack.oneAccount(), target, adopt, ProgressNotes.to(err(), cli.terminal()));
      // on stderr for people; JSON and Markdown plans carry them too, for bots
      TextReport.diagnostics(outcome.shown(), err(), errStyle());
      if (stats) {
        Stats.print(target.stats(), err());
      }
      if (outcome.plan().isEmpty()) {
        return ExitCode.ERROR;
      }
      Plan plan = outcome.plan().get();
      if (out != null && !outcome.failed()) {
        save(plan, out);
      }
      out().print(PlanOutput.render(plan, format, outColor(), false));
      out().flush();
      if (outcome.failed()) {
        err().println("error: the plan above is incomplete (see the errors before it): it "
            + (out != null ? "was not saved and " : "") + "cannot be applied until they are fixed");
        return ExitCode.ERROR;
      }
      if (plan.blocked()) {
        return ExitCode.BLOCKED;
      }
      return detailedExitCode && plan.hasChanges() ? ExitCode.CHANGES : ExitCode.OK;
    }
  }

  boolean terminal() {
    return cli.terminal();
  }

  boolean color() {
    return outColor();
  }

  private void save(Plan plan, Path file) {
    try {
      Files.writeString(file, PlanKeys.signed(PlanFile.write(plan), cli.env()),
          StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot write the plan to " + file + ": " + e.getMessage());
    }
  }

}

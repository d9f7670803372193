package dev.rolectl.cli.command;

import dev.rolectl.cli.render.plan.PlanOutput;
import dev.rolectl.engine.api.SavedPlans;
import dev.rolectl.engine.plan.MultiPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rolectl merge PLAN...}: joins the plans of shards into one report. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Join multi-account plans (the shards of one run) into one report.",
    description = {
      "Reads plans saved with 'rolectl plan --accounts ... --shard I/N --out FILE' and prints"
          + " them as one report, as if one run had planned every account. Refused: plans of"
          + " another stack or of other stack files, variables or options (the recorded stack"
          + " digest differs), shards cut from different account lists, a file or an account"
          + " twice, and shards that are not all N shards of one --shard I/N (a shard without"
          + " accounts saves an empty plan: give it too). Reads no AWS.",
      "",
      "With a plan key (ROLECTL_PLAN_KEY or ROLECTL_PLAN_KEY_FILE), every shard must be signed"
          + " with it, and --out signs the merged plan."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl merge shard-*.json --format markdown > comment.md",
      "  rolectl merge shard-1.json shard-2.json --out plan.json",
      "",
      "Exit codes: the worst account's, as plan gives them:",
      "  0  no changes (or changes, without --detailed-exitcode)",
      "  1  an account failed, or the files do not fit together",
      "  2  changes present (only with --detailed-exitcode)",
      "  3  a change is blocked by a safety rule"
    })
public final class MergeCommand extends BaseCommand {
  @Parameters(arity = "1..*", paramLabel = "PLAN", description = "Multi-account plan files.")
  List<Path> files;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  PlanOutput.Format format;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Also save the merged plan, for 'rolectl apply FILE' and 'rolectl show'"
          + " (signed when a plan key is set).")
  Path out;

  @Option(names = "--detailed-exitcode", description = "Exit 2 when there are changes.")
  boolean detailedExitCode;

  @Override
  public Integer call() {
    List<MultiPlan> parts = new ArrayList<>();
    java.util.Map<Path, Path> seen = new java.util.HashMap<>();
    for (Path f : files) {
      if (!Files.isRegularFile(f)) {
        throw new UserError(f + ": no such plan file");
      }
      Path before = seen.putIfAbsent(real(f), f);
      if (before != null) {
        throw new UserError(f + " is given twice" + (before.equals(f) ? "" : " (also as " + before
            + ")") + ": give each shard's plan once");
      }
      String text;
      try {
        text = SavedPlans.readText(f);
        parts.add(SavedPlans.readMultiPlan(f, text));
      } catch (java.nio.file.NoSuchFileException e) {
        throw new UserError(f + ": no such plan file");
      } catch (dev.rolectl.engine.plan.PlanFormatException e) {
        throw new UserError(e.getMessage());
      }
      // with a plan key, merge vouches for what it signs: every shard must be signed with it
      var key = PlanKeys.from(cli.env());
      var check = dev.rolectl.engine.plan.PlanSignature.check(text, key);
      if (key.isPresent() && !check.acceptable()) {
        throw new UserError(f + ": " + check.describe() + "; merge signs its output with the"
            + " plan key, so it takes only shards signed with it");
      }
    }
    MultiPlan merged;
    try {
      merged = MultiPlan.merge(files.stream().map(Path::toString).toList(), parts);
    } catch (dev.rolectl.engine.plan.PlanFormatException e) {
      throw new UserError(e.getMessage());
    }
    if (out != null) {
      MultiAccountPlan.write(out,
          PlanKeys.signed(dev.rolectl.engine.plan.MultiPlanFile.write(merged), cli.env()));
    }
    out().print(MultiAccountPlan.render(merged, format, outColor()));
    out().flush();
    return MultiAccountPlan.exitCode(merged, detailedExitCode);
  }

  private static Path real(Path f) {
    try {
      return f.toRealPath();
    } catch (java.io.IOException e) {
      return f.toAbsolutePath().normalize();
    }
  }
}

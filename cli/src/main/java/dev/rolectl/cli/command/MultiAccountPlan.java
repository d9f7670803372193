package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.Counts;
import dev.rolectl.cli.render.plan.MultiPlanMarkdown;
import dev.rolectl.cli.render.plan.MultiPlanText;
import dev.rolectl.cli.render.plan.PlanOutput;
import dev.rolectl.engine.api.AccountAccess;
import dev.rolectl.engine.api.AccountCost;
import dev.rolectl.engine.api.MultiPlanner;
import dev.rolectl.engine.api.StackSource;
import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.MultiPlanFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** {@code plan} in many accounts: resolve them, plan them in parallel, print one report. */
final class MultiAccountPlan {
  private MultiAccountPlan() {}

  static int run(PlanCommand c, Map<String, String> env) {
    c.accountsOptions.check(c.targetOptions.target, c.stack);
    TargetOptions base = TargetOpener.options(c.targetOptions, env);
    AccountAccess access = c.accountsOptions.access(base, c.stack.partition());
    StackSource shared = c.stack.source(); // the stack path and shared var files exist
    if (shared.partition().isPresent()) {
      access.checkPartition();
    }
    List<ApiStats> orgStats = new ArrayList<>();
    AccountsMixin.Chosen accounts = c.accountsOptions.resolve(base, c.err(), orgStats);
    Consumer<EngineEvent> progress = ProgressNotes.finished(c.err(), c.terminal());
    MultiPlanner.Run run = MultiPlanner.plan(accounts.mine(), access, shared, c.stack::sourceFor, c.adopt,
        c.accountsOptions.parallelism, c.accountsOptions.shard(), accounts.listDigest(), progress);
    MultiPlan plan = run.plan();
    if (c.stats) {
      printStats(run.costs(), orgStats, c.err());
    }
    if (c.out != null) {
      write(c.out, PlanKeys.signed(MultiPlanFile.write(plan), env));
    }
    c.out().print(render(plan, c.format, c.color()));
    c.out().flush();
    return exitCode(plan, c.detailedExitCode);
  }

  static String render(MultiPlan plan, PlanOutput.Format format, boolean color) {
    return switch (format) {
      case json -> MultiPlanFile.write(plan);
      case markdown -> new MultiPlanMarkdown().render(plan);
      case text -> new MultiPlanText(color).render(plan);
    };
  }

  /** The worst account's: failed 1, blocked 3, changes 2 (with --detailed-exitcode), else 0. */
  static int exitCode(MultiPlan plan, boolean detailed) {
    return switch (plan.worst()) {
      case FAILED -> ExitCode.ERROR;
      case BLOCKED -> ExitCode.BLOCKED;
      case CHANGES -> detailed ? ExitCode.CHANGES : ExitCode.OK;
      case NO_CHANGES -> ExitCode.OK;
    };
  }

  static void write(Path file, String json) {
    try {
      Files.writeString(file, json, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UserError("cannot write the plan to " + file + ": " + e.getMessage());
    }
  }

  /** Per account: calls by operation and wall time; then Organizations and the totals. */
  static void printStats(List<AccountCost> costs, List<ApiStats> org, PrintWriter err) {
    long total = 0;
    for (AccountCost c : costs) {
      err.printf("account %s: %s, %.2f s%n", c.accountId(),
          Counts.of(c.stats().totalCalls(), "API call"), c.elapsed().toMillis() / 1000.0);
      new java.util.TreeMap<>(c.stats().callsByOperation())
          .forEach((op, n) -> err.printf("  %-36s %6d%n", op, n));
      total += c.stats().totalCalls();
    }
    for (ApiStats s : org) {
      err.println("Organizations:");
      Stats.print(s, err);
      total += s.totalCalls();
    }
    err.printf("API calls in all: %d for %s%n", total, Counts.of(costs.size(), "account"));
  }
}

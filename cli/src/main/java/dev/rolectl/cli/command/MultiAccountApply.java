package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.Counts;
import dev.rolectl.cli.render.apply.ApplyProgress;
import dev.rolectl.cli.render.apply.ApplySummary;
import dev.rolectl.cli.render.plan.MultiPlanText;
import dev.rolectl.cli.render.plan.TextPlanRenderer;
import dev.rolectl.engine.api.AccountAccess;
import dev.rolectl.engine.api.AccountApplied;
import dev.rolectl.engine.api.AccountRef;
import dev.rolectl.engine.api.MultiApply;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.ChangeOutcome;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code apply} in many accounts, from the stack ({@code --accounts} and friends) or from a saved
 * multi-account plan: every account is locked and planned (or checked for staleness), the report
 * shown, one yes asked for, then every account applied; an account that fails, is stale or is
 * blocked does not stop the others. Text output only.
 */
final class MultiAccountApply {
  private MultiAccountApply() {}

  static int fromStack(ApplyCommand c) {
    c.accountsOptions.check(c.targetOptions.target, c.stack);
    TargetOptions base = c.awsOptions();
    AccountAccess access = c.accountsOptions.access(base, c.stack.partition());
    if (c.stack.source().partition().isPresent()) {
      access.checkPartition();
    }
    List<AccountRef> accounts = c.accountsOptions.resolve(base, c.err(), new ArrayList<>())
        .mine();
    try (MultiApply session = MultiApply.fromStack(accounts, access, c.stack::sourceFor, c.adopt,
        c.lockTimeout, c.accountsOptions.parallelism, new ApplyProgress(c.out()), c.stop)) {
      return run(c, session);
    }
  }

  static int fromPlan(ApplyCommand c, MultiPlan saved) {
    if (saved.accounts().isEmpty()) {
      c.out().println("The plan holds no account (shard " + String.join(", ", saved.shards())
          + " had none): nothing to do.");
      return ExitCode.OK;
    }
    TargetOptions base = c.awsOptions();
    String role = saved.accounts().stream().map(AccountPlan::roleArn)
        .filter(r -> r != null).findFirst().orElse(null);
    c.stack.refuseForSavedPlan(role == null);
    if (role == null && c.accountsOptions.assumeRole == null) {
      throw new UserError("the plan names no role to assume: give --assume-role NAME");
    }
    String name = c.accountsOptions.assumeRole != null ? c.accountsOptions.assumeRole
        : role.substring(role.indexOf(":role/") + ":role/".length());
    String partition = role != null ? role.split(":")[1] : c.stack.partition();
    AccountAccess access;
    try {
      access = new AccountAccess(base, name, c.accountsOptions.externalId,
          c.accountsOptions.sessionName, partition);
    } catch (IllegalArgumentException e) {
      throw new UserError("--assume-role " + name + " / --session-name "
          + c.accountsOptions.sessionName + ": " + e.getMessage());
    }
    try (MultiApply session = MultiApply.fromPlan(saved, access, c.lockTimeout,
        c.accountsOptions.parallelism, new ApplyProgress(c.out()), c.stop)) {
      return run(c, session);
    }
  }

  private static int run(ApplyCommand c, MultiApply session) {
    MultiPlan report = session.report();
    c.out().print(new MultiPlanText(c.color()).render(report));
    c.out().flush();
    boolean anyChanges = report.accounts().stream()
        .anyMatch(a -> a.plan() != null && a.plan().hasChanges());
    if (!anyChanges) {
      return MultiAccountPlan.exitCode(report, false);
    }
    if (!c.autoApprove) {
      Optional<Integer> refused = c.confirmOnce();
      if (refused.isPresent()) {
        return refused.get();
      }
    }
    c.interrupts.applying();
    List<AccountApplied> results = session.apply(c.settings(), new ApplyProgress(c.out()), c.stop);
    if (c.interrupts.received().isPresent()) {
      summary(results, true, c.out());
      return c.interrupts.exitCode();
    }
    summary(results, false, c.out());
    if (results.stream().anyMatch(r -> !r.succeeded() && !r.blocked())) {
      return ExitCode.ERROR;
    }
    return results.stream().anyMatch(AccountApplied::blocked) ? ExitCode.BLOCKED : ExitCode.OK;
  }

  /**
   * One line per account, then the totals. After an interruption, an account whose changes were
   * cut short is {@code interrupted}, one where none had started {@code not started
   * (interrupted)}: not {@code failed}, since nothing went wrong there.
   */
  static void summary(List<AccountApplied> results, boolean interrupted, PrintWriter out) {
    out.println();
    out.println("Apply in " + Counts.of(results.size(), "account") + ":");
    int ok = 0;
    for (AccountApplied r : results) {
      String label = r.account().name().isEmpty() ? r.account().id()
          : r.account().id() + " (" + r.account().name() + ")";
      String what;
      if (r.error() != null) {
        what = "failed: " + MultiPlanText.firstLine(r.error());
      } else if (r.result() == null) {
        what = "nothing to do";
      } else if (interrupted && cutShort(r.result())) {
        boolean none = r.result().outcomes().stream()
            .allMatch(o -> o.status() == ChangeOutcome.Status.NOT_STARTED);
        what = none ? "not started (interrupted)" : "interrupted: " + ApplySummary.counts(r.result())
            + ", " + r.result().with(ChangeOutcome.Status.NOT_STARTED).size() + " not started";
      } else {
        what = (r.blocked() ? "blocked: " : r.succeeded() ? "applied: " : "failed: ")
            + ApplySummary.counts(r.result());
      }
      ok += r.succeeded() ? 1 : 0;
      out.printf("  %-40s %s%n", label, what);
    }
    out.println(ok + " of " + Counts.of(results.size(), "account") + " done.");
    out.flush();
  }

  /** Whether changes were left unstarted, and none failed. */
  private static boolean cutShort(ApplyResult result) {
    return !result.with(ChangeOutcome.Status.NOT_STARTED).isEmpty()
        && result.with(ChangeOutcome.Status.FAILED).isEmpty();
  }
}

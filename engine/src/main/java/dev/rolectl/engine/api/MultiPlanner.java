package dev.rolectl.engine.api;

import dev.rolectl.engine.config.StackDigest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Planning one stack in many accounts: each account is reached through its role ({@link
 * AccountAccess}), its stack resolved for it ({@code ${aws.accountId}}, its own variable files),
 * and planned as {@link Planner} plans one; at most {@code parallelism} accounts at once. An
 * account that cannot be reached or planned is reported as failed with the reason; the others go
 * on.
 */
public final class MultiPlanner {
  private MultiPlanner() {}

  /**
   * The plans and what each account cost.
   *
   * @param costs per account, in the plan's order
   */
  public record Run(MultiPlan plan, List<AccountCost> costs) {
    public Run {
      costs = List.copyOf(costs);
    }
  }

  /**
   * Plans {@code sources}' stack in every account.
   *
   * @param accounts the accounts, already the shard's; empty for a shard without accounts (an
   *     empty plan of that shard, so that {@code merge} finds every shard)
   * @param shared the stack as given, per-account variable files by their pattern: its digest is
   *     recorded, and its name when no account could be planned
   * @param shard recorded in the plan
   * @param accountsDigest of the whole account list the shard was cut from ({@link
   *     Accounts#digest}), recorded in the plan for {@code merge}
   * @param progress one {@link EngineEvent.Finished} per account ("111122223333: 2 to change")
   */
  public static Run plan(List<AccountRef> accounts, AccountAccess access, StackSource shared,
      Function<AccountRef, StackSource> sources, boolean adopt, int parallelism,
      Optional<Shard> shard, String accountsDigest, Consumer<EngineEvent> progress) {
    Instant started = Instant.now();
    Consumer<EngineEvent> oneAtATime = e -> {
      synchronized (MultiPlanner.class) {
        progress.accept(e);
      }
    };
    List<Planned> done = AccountRun.each(accounts, parallelism,
        a -> planOne(a, access, sources, adopt, oneAtATime));
    String stack = done.stream().map(Planned::stack).flatMap(Optional::stream).findFirst()
        .orElseGet(() -> offlineName(shared));
    String digest = StackDigest.of(shared.path(), shared.vars(), shared.varFiles(),
        "adopt=" + adopt);
    MultiPlan plan = new MultiPlan(MultiPlan.FORMAT_VERSION, stack, digest, started,
        shard.map(s -> List.of(s.toString())).orElse(List.of()),
        done.stream().map(Planned::account).toList(), accountsDigest);
    return new Run(plan, done.stream().map(Planned::cost).toList());
  }

  /** The stack's name read offline (without per-account variable files), else its file name. */
  private static String offlineName(StackSource shared) {
    StackSource common = shared.withVarFiles(shared.varFiles().stream()
        .filter(f -> !f.toString().contains("${")).toList());
    return StackCheck.run(common, false).stack().map(s -> s.name())
        .orElseGet(() -> shared.path().getFileName().toString());
  }

  private record Planned(AccountPlan account, Optional<String> stack, AccountCost cost) {}

  private static Planned planOne(AccountRef a, AccountAccess access,
      Function<AccountRef, StackSource> sources, boolean adopt, Consumer<EngineEvent> progress) {
    long start = System.nanoTime();
    String role = access.roleArn(a.id());
    AccountPlan result;
    Optional<String> stack = Optional.empty();
    var stats = dev.rolectl.engine.live.ApiStats.none();
    try (Target t = Targets.open("aws", access.optionsFor(a.id()))) {
      try {
        PlanOutcome o = Planner.plan(sources.apply(a), t, adopt, e -> {});
        stack = o.stack().map(s -> s.name());
        result = o.failed()
            ? AccountPlan.failed(a.id(), a.name(), role, errors(o))
            : AccountPlan.planned(a.id(), a.name(), role, o.plan().get());
      } catch (RuntimeException e) {
        result = AccountPlan.failed(a.id(), a.name(), role, AccountRun.message(e));
      }
      stats = t.stats();
    }
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    progress.accept(new EngineEvent.Finished(result.label() + ": " + result.status().jsonName(), took));
    return new Planned(result, stack, new AccountCost(a.id(), stats, took));
  }

  /**
   * Why the plan is unusable: a first line with the count of errors and what they concern
   * (reports show it alone in their summary table), then the errors, one a line.
   */
  static String errors(PlanOutcome o) {
    List<Diagnostic> errors = o.shown().stream().filter(Diagnostic::isError).toList();
    if (errors.isEmpty()) {
      return "the plan could not be made";
    }
    String what = errors.stream()
        .map(d -> d.address() != null ? d.address().value() : d.location().toString())
        .distinct().collect(Collectors.joining(", "));
    return "plan incomplete, cannot be applied: " + errors.size()
        + (errors.size() == 1 ? " error" : " errors") + " (" + what + ")\n"
        + errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
  }
}

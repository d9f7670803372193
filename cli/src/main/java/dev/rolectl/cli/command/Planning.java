package dev.rolectl.cli.command;

import dev.rolectl.cli.render.CheckReport;
import dev.rolectl.engine.apply.StalePlan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.cli.render.DiagnosticOrder;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.PlanResult;
import dev.rolectl.engine.plan.PolicyDeletes;
import dev.rolectl.engine.plan.PolicyReferences;
import dev.rolectl.engine.safety.Safety;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The planning pipeline shared by {@code plan} and {@code apply}: account id from the target,
 * stack load with it, graph and lint checks, one live read, the differ.
 */
public final class Planning {
  private Planning() {}

  /**
   * What planning produced.
   *
   * @param plan the plan, when there was no error
   * @param stack the loaded stack, when it loaded
   * @param live the live state read, when it was read
   * @param diagnostics every finding, errors first stop the pipeline
   */
  public record Outcome(
      Optional<Plan> plan,
      Optional<Stack> stack,
      Optional<LiveAccount> live,
      List<Diagnostic> diagnostics) {
    public Outcome {
      diagnostics = List.copyOf(diagnostics);
    }

    /** No plan, or a plan with errors (shown, but never saved or applied). */
    public boolean failed() {
      return plan.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError);
    }

    /**
     * What plan and apply show on stderr, in file order: errors and warnings. Suggestions are
     * validate's business.
     */
    public List<Diagnostic> shown() {
      return diagnostics.stream()
          .filter(d -> d.severity() != Severity.SUGGESTION)
          .sorted(DiagnosticOrder.INSTANCE)
          .toList();
    }
  }

  /**
   * Plans {@code stackOptions}' stack against {@code target}.
   *
   * @param progress receives short progress notes ("reading live IAM from aws")
   */
  public static Outcome plan(
      StackOptions stackOptions, Target target, boolean adoptAll, Consumer<String> progress) {
    return plan(stackOptions, target, adoptAll, progress, stack -> {});
  }

  /**
   * As above; {@code beforeRead} gets the loaded stack before live IAM is read (apply takes the
   * stack's lock there, so that it plans what the previous apply left).
   */
  public static Outcome plan(
      StackOptions stackOptions,
      Target target,
      boolean adoptAll,
      Consumer<String> progress,
      Consumer<Stack> beforeRead) {
    progress.accept("reading the account id from " + target.spec());
    String accountId = target.iam().accountId();
    String partition = target.iam().partition();
    if (stackOptions.accountId().isPresent() && !stackOptions.accountId().get().equals(accountId)) {
      throw new UserError(
          "--account-id "
              + stackOptions.accountId().get()
              + " does not match the account of target "
              + target.spec()
              + " ("
              + accountId
              + "); drop --account-id or use the right credentials");
    }
    CheckReport check =
        StackCheck.run(stackOptions.path(), stackOptions.forAccount(accountId, partition), true);
    List<Diagnostic> diagnostics = new ArrayList<>(check.diagnostics());
    if (check.hasErrors() || check.stack().isEmpty()) {
      return new Outcome(Optional.empty(), check.stack(), Optional.empty(), diagnostics);
    }
    Stack stack = check.stack().get();
    beforeRead.accept(stack);
    progress.accept("reading live IAM from " + target.spec());
    ReadRequest first = readRequest(stack);
    LiveAccount live = target.iam().read(first);
    ReadRequest wider = PolicyDeletes.readRequest(stack, live, first);
    if (!wider.equals(first)) {
      progress.accept("reading users and groups too (a policy is deleted or replaced)");
      live = live.withPrincipals(target.iam().readPrincipals(wider.users(), wider.groups()));
    }
    java.util.Set<String> unanswered = PolicyReferences.toCheck(stack, live);
    if (!unanswered.isEmpty()) {
      progress.accept("checking that " + unanswered.size() + " managed policies exist");
      diagnostics.addAll(
          PolicyReferences.diagnostics(stack, target.iam().missingPolicies(unanswered)));
    }
    PlanResult result =
        Differ.plan(stack, live, new PlanOptions(adoptAll, target.spec(), Instant.now()));
    diagnostics.addAll(result.diagnostics());
    Optional<Plan> plan = result.plan();
    if (plan.isPresent()) {
      progress.accept("checking ECS deployments that use the changed roles");
      plan = Optional.of(Safety.check(plan.get(), stack, live, target.ecs(), Clock.systemUTC()));
    }
    Outcome outcome = new Outcome(plan, Optional.of(stack), Optional.of(live), diagnostics);
    // the plan carries what the user should see with it, for bots that read only the plan
    return new Outcome(
        plan.map(p -> p.withContext(target.takenAt().orElse(null), outcome.shown())),
        outcome.stack(), outcome.live(), diagnostics);
  }

  /** What to read: the same rule as the stale-plan check uses, so fingerprints agree. */
  static ReadRequest readRequest(Stack stack) {
    return StalePlan.readRequest(stack);
  }
}

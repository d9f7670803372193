package dev.rolectl.engine.api;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResolvedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code apply PLANFILE}'s own plan: the saved plan's resolved stack, checked as a loaded stack is
 * (graph, lint, reserved tags), then planned against the target through {@link
 * Planner#planStack}, the code path of {@code plan}. Its result, not the file's changes, is what
 * apply runs (once it equals them).
 */
final class Replan {
  private Replan() {}

  /**
   * @param beforeRead gets the stack before live IAM is read (the stack's lock is taken there)
   * @throws Refused when the stack was resolved for another account or partition than the
   *     target's, or pins another account
   */
  static PlanOutcome of(ResolvedStack saved, Target target, Consumer<EngineEvent> progress,
      Consumer<Stack> beforeRead) {
    Consumer<String> note = what -> progress.accept(new EngineEvent.Started(what));
    note.accept("reading the account id from " + target.spec());
    String accountId = target.iam().accountId();
    String partition = target.iam().partition();
    Stack stack = saved.stack();
    if (!stack.accountId().equals(accountId) || !stack.partition().equals(partition)) {
      throw new Refused("stale plan: it was made for account " + stack.accountId() + " ("
          + stack.partition() + ": its stack's ARNs name that account) but the target is account "
          + accountId + " (" + partition + "); nothing was changed: run plan again against this"
          + " account");
    }
    if (stack.account() != null && !stack.account().equals(accountId)) {
      throw new Refused("the plan's stack is pinned to account " + stack.account() + " (account:"
          + " in the stack) but the target is account " + accountId + "; nothing was changed");
    }
    List<Diagnostic> diagnostics = new ArrayList<>(StackCheck.checkResolved(stack));
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new PlanOutcome(Optional.<Plan>empty(), Optional.of(stack), Optional.empty(),
          diagnostics);
    }
    beforeRead.accept(stack);
    return Planner.planStack(stack, saved.adoptAll(), diagnostics, target, note, false);
  }
}

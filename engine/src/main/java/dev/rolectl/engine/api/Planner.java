package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.StalePlan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EngineEvent;
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
import java.util.Set;
import java.util.function.Consumer;

/**
 * Planning one stack against one target: the account id from the target, the stack loaded with
 * it, graph and lint checks, one live read (users and groups too when a policy is deleted), the
 * check that attached AWS managed policies exist, the differ, and the ECS safety check. Progress
 * goes out as {@link EngineEvent.Started} notes ("reading live IAM from aws").
 */
public final class Planner {
  private Planner() {}

  /** Plans {@code source} against {@code target}; {@code adoptAll} is {@code --adopt}. */
  public static PlanOutcome plan(
      StackSource source, Target target, boolean adoptAll, Consumer<EngineEvent> progress) {
    return plan(source, target, adoptAll, progress, stack -> {});
  }

  /**
   * As above; {@code beforeRead} gets the loaded stack before live IAM is read (apply takes the
   * stack's lock there, so that it plans what the previous apply left).
   *
   * @throws TargetException when {@code source} names another account or partition than the
   *     target's
   */
  public static PlanOutcome plan(
      StackSource source,
      Target target,
      boolean adoptAll,
      Consumer<EngineEvent> progress,
      Consumer<Stack> beforeRead) {
    Consumer<String> note = what -> progress.accept(new EngineEvent.Started(what));
    note.accept("reading the account id from " + target.spec());
    String accountId = target.iam().accountId();
    String partition = target.iam().partition();
    ExpectedAccount.check(source, target, accountId, partition);
    CheckReport check = StackCheck.run(source.path(), source.forAccount(accountId, partition), true);
    List<Diagnostic> diagnostics = new ArrayList<>(check.diagnostics());
    if (check.hasErrors() || check.stack().isEmpty()) {
      return new PlanOutcome(Optional.empty(), check.stack(), Optional.empty(), diagnostics);
    }
    Stack stack = check.stack().get();
    beforeRead.accept(stack);
    return planStack(stack, adoptAll, diagnostics, target, note, true);
  }

  /**
   * Plans a stack that is loaded and checked already: the one path that {@code plan}, {@code
   * apply STACK} and the re-plan of {@code apply PLANFILE} ({@link Replan}) share. One live read
   * (users and groups too when a policy is deleted), the check that attached AWS managed
   * policies exist, the differ, and with {@code verdicts} the ECS safety check.
   *
   * @param diagnostics what was found so far; added to
   * @param verdicts whether to give the changes their ECS safety verdicts now; {@code apply
   *     PLANFILE} does not (it re-checks each disruptive change against ECS right before it is
   *     made, so the plan's scan would be read again at once)
   */
  static PlanOutcome planStack(Stack stack, boolean adoptAll, List<Diagnostic> diagnostics,
      Target target, Consumer<String> note, boolean verdicts) {
    LiveAccount full = read(stack, target, note, diagnostics);
    LiveAccount live = full.narrowedTo(scope(stack, full));
    PlanResult result =
        Differ.plan(stack, live, new PlanOptions(adoptAll, target.spec(), Instant.now()));
    diagnostics.addAll(result.diagnostics());
    Optional<Plan> plan = result.plan();
    if (plan.isPresent() && verdicts) {
      note.accept("checking the ECS services and EC2 instances that use the changed roles");
      plan = Optional.of(Safety.check(plan.get(), stack, live, target.ecs(), target.ec2(),
          Clock.systemUTC()));
    }
    if (plan.isPresent()) {
      // apply PLANFILE's gate decides from its own plan's analysis, never from the file's
      note.accept("analysing who can do what before and after the plan");
      plan = Optional.of(plan.get().withAccess(PlanAccess.of(plan.get(), full)));
    }
    PlanOutcome outcome = new PlanOutcome(plan, Optional.of(stack), Optional.of(live), diagnostics);
    // the plan carries what the user should see with it, for bots that read only the plan
    return new PlanOutcome(
        plan.map(p -> p.withContext(target.takenAt().orElse(null), outcome.shown())),
        outcome.stack(), outcome.live(), diagnostics);
  }

  /**
   * Reads what the plan needs in one read: users and groups always (access analysis asks who
   * can assume and pass roles; {@code GetAccountAuthorizationDetails} gives them in the same
   * calls), and whether attached managed policies exist. Planning itself sees the part {@link
   * #scope} names.
   */
  private static LiveAccount read(
      Stack stack, Target target, Consumer<String> note, List<Diagnostic> diagnostics) {
    note.accept("reading live IAM from " + target.spec());
    LiveAccount live = target.iam().read(PlanAccess.withPrincipals(StalePlan.readRequest(stack)));
    Set<String> unanswered = PolicyReferences.toCheck(stack, live);
    if (!unanswered.isEmpty()) {
      note.accept("checking that " + (unanswered.size() == 1 ? "1 managed policy exists"
          : unanswered.size() + " managed policies exist"));
      diagnostics.addAll(
          PolicyReferences.diagnostics(stack, target.iam().missingPolicies(unanswered)));
    }
    return live;
  }

  /**
   * The part of a full read that planning sees: the stale-plan rule's request (so fingerprints
   * agree), with users and groups when a policy is deleted or replaced.
   */
  private static ReadRequest scope(Stack stack, LiveAccount full) {
    ReadRequest first = StalePlan.readRequest(stack);
    return PolicyDeletes.readRequest(stack, full.narrowedTo(first), first);
  }
}

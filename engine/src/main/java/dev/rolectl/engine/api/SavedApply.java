package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.Applier;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.SafetyGates;
import dev.rolectl.engine.apply.StalePlan;
import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LockRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanMatch;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Applying a saved plan. The file is a claim, not a command: under the target's and the stack's
 * locks, the plan's resolved stack is planned again against live IAM ({@link Replan}, the code
 * path of {@code plan}), and that fresh plan is applied only when it was made from the same live
 * state and has the file's changes, change for change ({@link StalePlan}). What runs is the fresh
 * plan: every safety decision (ECS, protect, ownership, boundaries, detachments) comes from live
 * state, and a {@code block} verdict of the file can only add to them. {@link #close()} releases
 * the locks.
 */
public final class SavedApply implements AutoCloseable {
  private final Plan claimed;
  private final Target target;
  private final IamWriter writer;
  private final SessionLocks locks;
  private PlanOutcome fresh;

  private SavedApply(Plan claimed, Target target, IamWriter writer, SessionLocks locks) {
    this.claimed = claimed;
    this.target = target;
    this.writer = writer;
    this.locks = locks;
  }

  /** As below, with a stop of its own (nothing aborts it). */
  public static SavedApply open(
      Plan plan, Target target, Duration lockTimeout, Consumer<EngineEvent> events) {
    return open(plan, target, lockTimeout, events, new Stop());
  }

  /** As below, without planning notes. */
  public static SavedApply open(
      Plan plan, Target target, Duration lockTimeout, Consumer<EngineEvent> events, Stop stop) {
    return open(plan, target, lockTimeout, events, e -> {}, stop);
  }

  /**
   * Locks, and plans the saved plan's stack again against live IAM.
   *
   * @param events where waiting for a lock is reported
   * @param progress planning notes ("reading live IAM from aws")
   * @param stop the stop that {@link #apply} will be given; its {@link Stop#abort} releases the
   *     locks at once, from the aborting thread
   * @throws Refused for a plan with errors ({@link Plan#errored()}: incomplete, e.g. saved from
   *     {@code plan --format json}), before anything is locked or read; for a plan made for
   *     another account than the target's
   */
  public static SavedApply open(Plan plan, Target target, Duration lockTimeout,
      Consumer<EngineEvent> events, Consumer<EngineEvent> progress, Stop stop) {
    if (plan.errored()) {
      throw new Refused("the saved plan is incomplete: planning found "
          + plan.errors().size() + (plan.errors().size() == 1 ? " error" : " errors") + " ("
          + plan.errors().stream().map(d -> d.format()).collect(Collectors.joining("; "))
          + "), so it cannot be applied; fix them and make the plan again. Nothing was changed");
    }
    IamWriter writer = StackApply.writer(target);
    SavedApply session = new SavedApply(plan, target, writer, new SessionLocks(stop, events));
    try {
      session.locks.take(() -> writer.lock(lockTimeout, events));
      session.fresh = Replan.of(plan.resolved(), target, progress, stack -> session.locks.take(
          () -> writer.lockStack(new LockRequest(stack.name(), lockTimeout, events))));
      return session;
    } catch (RuntimeException | Error e) {
      StackApply.closeAfter(session, e);
      throw e;
    }
  }

  /**
   * Why the plan may not be applied: live IAM changed since it was made, or its changes are not
   * what its stack makes against live IAM now (the file was edited), or planning fails now.
   * Empty when it may.
   */
  public Optional<String> refusal() {
    if (fresh.failed()) {
      String errors = fresh.diagnostics().stream().filter(Diagnostic::isError)
          .map(Diagnostic::format).collect(Collectors.joining("; "));
      return Optional.of(SavedPlans.missingAccountFile(target.spec()).orElse(
          "stale plan: planning the saved plan's stack against live IAM now finds "
              + (errors.isEmpty() ? "no plan" : errors) + "; nothing was changed: fix that and"
              + " run plan again"));
    }
    Optional<String> stale = StalePlan.check(claimed, fresh.plan().get());
    return stale.isEmpty()
        ? stale
        : Optional.of(SavedPlans.missingAccountFile(target.spec()).orElse(stale.get()));
  }

  /**
   * The plan's access analysis, made by this apply's own plan from its live read (never taken
   * from the saved file). Only when there is no {@link #refusal()}.
   */
  public dev.rolectl.engine.access.AccessReport access() {
    return plan().access();
  }

  /**
   * Whether the refusal is that the file's changes are not what its stack makes against the very
   * live state it was planned from: the file was edited (not overtaken by live changes).
   */
  public boolean edited() {
    return !fresh.failed() && StalePlan.edited(claimed, fresh.plan().get()).isPresent();
  }

  /**
   * The plan that {@link #apply} runs: the fresh one, with the saved plan's {@code block}
   * verdicts added. Only when there is no {@link #refusal()}.
   */
  public Plan plan() {
    if (refusal().isPresent()) {
      throw new IllegalStateException("the saved plan is refused: " + refusal().get());
    }
    return PlanMatch.withClaimedBlocks(claimed, fresh.plan().get());
  }

  /** Applies the plan, which must not be refused ({@link #refusal()}). */
  public ApplyResult apply(ApplySettings settings, Consumer<EngineEvent> events, Stop stop) {
    Plan plan = plan();
    locks.checkHeld();
    var gate = SafetyGates.of(plan, fresh.stack().get(), fresh.live().orElse(null), target.ecs(),
        target.ec2(), settings.waitForDeployments(), settings.breakGlass(), stop);
    return Applier.apply(
        plan, writer, StackApply.options(target, settings).withGate(gate), events, stop);
  }

  /** Releases the stack's lock, then the target's. */
  @Override
  public void close() {
    locks.close();
  }
}

package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.Applier;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.SafetyGates;
import dev.rolectl.engine.apply.StalePlan;
import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LockRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Plan;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Applying a saved plan: the target's and the stack's locks are taken, live IAM is read as the
 * plan read it, and the plan is applied only when that state has not changed since ({@link
 * #stale()}). {@link #close()} releases the locks.
 */
public final class SavedApply implements AutoCloseable {
  private final Plan plan;
  private final Target target;
  private final IamWriter writer;
  private final SessionLocks locks;
  private LiveAccount live;

  private SavedApply(Plan plan, Target target, IamWriter writer, SessionLocks locks) {
    this.plan = plan;
    this.target = target;
    this.writer = writer;
    this.locks = locks;
  }

  /** As below, with a stop of its own (nothing aborts it). */
  public static SavedApply open(
      Plan plan, Target target, Duration lockTimeout, Consumer<EngineEvent> events) {
    return open(plan, target, lockTimeout, events, new Stop());
  }

  /**
   * Locks and reads live IAM; {@code events} hear about waiting for a lock.
   *
   * @param stop the stop that {@link #apply} will be given; its {@link Stop#abort} releases the
   *     locks at once, from the aborting thread
   * @throws Refused for a plan with errors ({@link Plan#errored()}: incomplete, e.g. saved from
   *     {@code plan --format json}), before anything is locked or read
   */
  public static SavedApply open(
      Plan plan, Target target, Duration lockTimeout, Consumer<EngineEvent> events, Stop stop) {
    if (plan.errored()) {
      throw new Refused("the saved plan is incomplete: planning found "
          + plan.errors().size() + (plan.errors().size() == 1 ? " error" : " errors") + " ("
          + plan.errors().stream().map(d -> d.format()).collect(java.util.stream.Collectors.joining("; "))
          + "), so it cannot be applied; fix them and make the plan again. Nothing was changed");
    }
    IamWriter writer = StackApply.writer(target);
    SavedApply session = new SavedApply(plan, target, writer, new SessionLocks(stop));
    try {
      session.locks.take(() -> writer.lock(lockTimeout, events));
      session.locks.take(() -> writer.lockStack(new LockRequest(plan.stack(), lockTimeout, events)));
      session.live = target.iam().read(StalePlan.readRequest(plan));
      return session;
    } catch (RuntimeException | Error e) {
      StackApply.closeAfter(session, e);
      throw e;
    }
  }

  /** Why the plan may not be applied (live IAM changed since it was made); empty when current. */
  public Optional<String> stale() {
    Optional<String> stale = StalePlan.check(plan, live);
    return stale.isEmpty()
        ? stale
        : Optional.of(SavedPlans.missingAccountFile(target.spec()).orElse(stale.get()));
  }

  /** Applies the plan, which must not be {@link #stale()}. */
  public ApplyResult apply(ApplySettings settings, Consumer<EngineEvent> events, Stop stop) {
    if (stale().isPresent()) {
      throw new IllegalStateException("the plan is stale: " + stale().get());
    }
    locks.checkHeld();
    var gate = SafetyGates.ofSavedPlan(plan, live, target.ecs(), target.ec2(),
        settings.waitForDeployments(), settings.breakGlass(), stop);
    return Applier.apply(
        plan, writer, StackApply.options(target, settings).withGate(gate), events, stop);
  }

  /** Releases the stack's lock, then the target's. */
  @Override
  public void close() {
    locks.close();
  }
}

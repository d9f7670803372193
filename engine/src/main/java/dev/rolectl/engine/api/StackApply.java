package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.Applier;
import dev.rolectl.engine.apply.ApplyOptions;
import dev.rolectl.engine.apply.ApplyResult;
import dev.rolectl.engine.apply.SafetyGates;
import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LockRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.Plan;
import java.time.Duration;
import java.util.function.Consumer;

/**
 * Applying a stack: the target's apply lock and the stack's lock are taken, the stack planned
 * under them, and (after the front end asked for a yes) applied; {@link #close()} releases the
 * locks. The stack's lock is taken right before live IAM is read, so that the plan sees what the
 * previous apply of the stack left. A front end that ends the process on a signal calls {@link
 * Stop#abort} on the session's stop first: the locks are released then, even while planning.
 */
public final class StackApply implements AutoCloseable {
  private final Target target;
  private final IamWriter writer;
  private final SessionLocks locks;
  private PlanOutcome outcome;

  private StackApply(Target target, IamWriter writer, SessionLocks locks) {
    this.target = target;
    this.writer = writer;
    this.locks = locks;
  }

  /** As below, with a stop of its own (nothing aborts it). */
  public static StackApply open(StackSource source, Target target, boolean adopt,
      Duration lockTimeout, Consumer<EngineEvent> lockEvents, Consumer<EngineEvent> progress) {
    return open(source, target, adopt, lockTimeout, lockEvents, progress, new Stop());
  }

  /**
   * Locks and plans.
   *
   * @param lockEvents where waiting for a lock is reported ({@link EngineEvent.Waiting})
   * @param progress planning notes
   * @param stop the stop that {@link #apply} will be given; its {@link Stop#abort} releases the
   *     locks at once, from the aborting thread
   * @throws TargetException for a read-only target, a lock held by another apply, a failed read,
   *     an abort before the locks were held
   */
  public static StackApply open(StackSource source, Target target, boolean adopt,
      Duration lockTimeout, Consumer<EngineEvent> lockEvents, Consumer<EngineEvent> progress,
      Stop stop) {
    IamWriter writer = writer(target);
    StackApply session = new StackApply(target, writer, new SessionLocks(stop, lockEvents));
    try {
      session.locks.take(() -> writer.lock(lockTimeout, lockEvents));
      session.outcome = Planner.plan(source, target, adopt, progress, stack -> session.locks.take(
          () -> writer.lockStack(new LockRequest(stack.name(), lockTimeout, lockEvents))));
      return session;
    } catch (RuntimeException | Error e) {
      closeAfter(session, e);
      throw e;
    }
  }

  /** Releases a session's locks after {@code e}, keeping a failure to release as suppressed. */
  static void closeAfter(AutoCloseable session, Throwable e) {
    try {
      session.close();
    } catch (Exception | Error c) {
      e.addSuppressed(c);
    }
  }

  /** The plan made under the locks. */
  public PlanOutcome outcome() {
    return outcome;
  }

  /**
   * Applies the plan (which must not have {@link PlanOutcome#failed() failed}); disruptive changes
   * are re-checked against ECS right before they are made.
   */
  public ApplyResult apply(ApplySettings settings, Consumer<EngineEvent> events, Stop stop) {
    if (outcome.failed()) {
      throw new IllegalStateException("the plan failed; it cannot be applied");
    }
    locks.checkHeld();
    Plan plan = outcome.plan().get();
    var gate = SafetyGates.of(plan, outcome.stack().get(), outcome.live().orElse(null),
        target.ecs(), target.ec2(), settings.waitForDeployments(), settings.breakGlass(), stop);
    return Applier.apply(plan, writer, options(target, settings).withGate(gate), events, stop);
  }

  static ApplyOptions options(Target target, ApplySettings settings) {
    return ApplyOptions.defaults(target.iam().partition()).withParallelism(settings.parallelism());
  }

  /** The target's write side, or a clear refusal for {@code snapshot:}. */
  static IamWriter writer(Target t) {
    return t.writer().orElseThrow(() -> new TargetException("target " + t.spec()
        + " is read-only (a snapshot: file is for planning only): apply to the account itself"
        + " with --target aws, or to an account file with --target local:FILE"));
  }

  /** Releases the stack's lock (if taken), then the target's, even when the first fails. */
  @Override
  public void close() {
    locks.close();
  }
}

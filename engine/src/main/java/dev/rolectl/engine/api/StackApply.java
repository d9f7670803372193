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
 * previous apply of the stack left.
 */
public final class StackApply implements AutoCloseable {
  private final Target target;
  private final IamWriter writer;
  private final IamWriter.Lock lock;
  private IamWriter.Lock stackLock;
  private PlanOutcome outcome;

  private StackApply(Target target, IamWriter writer, IamWriter.Lock lock) {
    this.target = target;
    this.writer = writer;
    this.lock = lock;
  }

  /**
   * Locks and plans.
   *
   * @param lockEvents where waiting for a lock is reported ({@link EngineEvent.Waiting})
   * @param progress planning notes
   * @throws TargetException for a read-only target, a lock held by another apply, a failed read
   */
  public static StackApply open(StackSource source, Target target, boolean adopt,
      Duration lockTimeout, Consumer<EngineEvent> lockEvents, Consumer<EngineEvent> progress) {
    IamWriter writer = writer(target);
    StackApply session = new StackApply(target, writer, writer.lock(lockTimeout, lockEvents));
    try {
      session.outcome = Planner.plan(source, target, adopt, progress, stack -> session.stackLock =
          writer.lockStack(new LockRequest(stack.name(), lockTimeout, lockEvents)));
      return session;
    } catch (RuntimeException e) {
      session.close();
      throw e;
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
    Plan plan = outcome.plan().get();
    var gate = SafetyGates.ecs(plan, outcome.stack().get(), outcome.live().orElse(null),
        target.ecs(), settings.waitForDeployments());
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
  static void release(IamWriter.Lock stackLock, IamWriter.Lock lock) {
    try {
      if (stackLock != null) {
        stackLock.close();
      }
    } finally {
      lock.close();
    }
  }

  /** Releases the stack's lock, then the target's. */
  @Override
  public void close() {
    StackApply.release(stackLock, lock);
  }
}

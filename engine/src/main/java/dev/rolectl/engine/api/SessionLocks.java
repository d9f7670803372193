package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.EngineEvent;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The locks of one apply session (the target's, then the stack's), released once, the last taken
 * first: by {@link #close()} on the session's own thread when it ends (done, failed, refused), or
 * by {@link Stop#abort} from another thread (a signal handler) when the process is about to end
 * at once, even while the session still plans or takes a lock. A lock whose taking was under way
 * when the session was released is let go by the thread that took it, the moment it has it; an
 * abort waits for that up to {@link #ABORT_WAIT}. Thread-safe.
 */
final class SessionLocks implements AutoCloseable {
  /** How long an abort waits for a lock that was being taken (or released) to be let go. */
  static final Duration ABORT_WAIT = Duration.ofSeconds(5);

  private final Stop stop;
  private final Consumer<EngineEvent> events;
  private final Runnable unregister;
  private final Deque<IamWriter.Lock> held = new ArrayDeque<>(); // guarded by this
  private int busy; // locks being taken or released outside the monitor; guarded by this
  private boolean released; // guarded by this

  SessionLocks(Stop stop) {
    this(stop, e -> {});
  }

  /**
   * @param events hears {@link EngineEvent.Stopping} when a held lock is lost (the session's stop
   *     is then requested: the apply starts no more changes)
   */
  SessionLocks(Stop stop, Consumer<EngineEvent> events) {
    this.stop = stop;
    this.events = events;
    this.unregister = stop.onAbort(() -> release(ABORT_WAIT));
  }

  /**
   * Takes a lock and holds it until the session is released.
   *
   * @throws TargetException when the session was released (aborted) before or while the lock was
   *     taken: the lock, if it was taken, is let go at once
   */
  IamWriter.Lock take(Supplier<IamWriter.Lock> acquire) {
    synchronized (this) {
      if (released) {
        throw stopped();
      }
      busy++;
    }
    IamWriter.Lock lock = null;
    boolean kept = false;
    try {
      lock = acquire.get();
      synchronized (this) {
        kept = !released;
        if (kept) {
          held.push(lock);
        }
      }
      if (!kept) {
        lock.close();
      }
    } finally {
      synchronized (this) {
        busy--;
        notifyAll();
      }
    }
    if (!kept) {
      throw stopped();
    }
    lock.onLost(this::lost);
    return lock;
  }

  /**
   * Right before the first change: fails when the session's locks were released (an abort), or
   * when a lock is no longer this session's as the target says now ({@link IamWriter.Lock#confirm}):
   * nothing may be changed then.
   */
  void checkHeld() {
    List<IamWriter.Lock> locks;
    synchronized (this) {
      if (released) {
        throw new TargetException("the apply was stopped (" + stop.reason().orElse("aborted")
            + ") and its locks released: nothing more is changed; run apply again");
      }
      locks = new ArrayList<>(held);
    }
    locks.forEach(IamWriter.Lock::confirm);
  }

  /** A held lock was lost: no new change may start (said once). */
  private void lost(String why) {
    String reason = why + "; no new change is started";
    if (stop.request(reason)) {
      events.accept(new EngineEvent.Stopping(reason));
    }
  }

  /** Releases the locks (the stack's, then the target's, even when the first fails). */
  @Override
  public void close() {
    unregister.run();
    release(Duration.ZERO);
  }

  /**
   * Releases every lock held, the last taken first, each even when another fails (the first
   * failure is thrown after); then waits up to {@code wait} for locks being taken or released on
   * other threads.
   */
  private void release(Duration wait) {
    List<IamWriter.Lock> locks;
    synchronized (this) {
      released = true;
      locks = new ArrayList<>(held);
      held.clear();
      busy++;
    }
    try {
      closeAll(locks);
    } finally {
      synchronized (this) {
        busy--;
        notifyAll();
      }
      awaitIdle(wait);
    }
  }

  private static void closeAll(List<IamWriter.Lock> locks) {
    RuntimeException first = null;
    for (IamWriter.Lock l : locks) {
      try {
        l.close();
      } catch (RuntimeException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }

  private synchronized void awaitIdle(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    while (busy > 0) {
      long left = (deadline - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return;
      }
      try {
        wait(left);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  private TargetException stopped() {
    return new TargetException("the apply was stopped (" + stop.reason().orElse("aborted")
        + ") before it held its locks: nothing was changed");
  }
}

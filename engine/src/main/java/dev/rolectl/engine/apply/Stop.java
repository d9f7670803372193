package dev.rolectl.engine.apply;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a running apply to start no new change; changes in flight finish (their calls are not
 * cut), and the changes not started are reported as such. Requested by the front end (Ctrl-C,
 * SIGTERM) or by the apply itself (an unreachable endpoint). Thread-safe; the first reason wins.
 *
 * <p>A front end that is about to end the process at once (a signal while the apply still plans,
 * or a second one while it makes changes) calls {@link #abort} first: every apply session opened
 * with this stop then releases its locks ({@link #onAbort}), so that no lock outlives the
 * process.
 */
public final class Stop {
  private final AtomicReference<String> reason = new AtomicReference<>();
  private final CountDownLatch requested = new CountDownLatch(1);
  private final Deque<Runnable> onAbort = new ArrayDeque<>(); // guarded by this
  private boolean aborted; // guarded by this

  /**
   * Asks to stop.
   *
   * @param why shown to the user, e.g. {@code interrupted (Ctrl-C)}
   * @return whether this was the first request
   */
  public boolean request(String why) {
    boolean first = reason.compareAndSet(null, why);
    if (first) {
      requested.countDown();
    }
    return first;
  }

  /** The first reason given, if stopping was asked for. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason.get());
  }

  /**
   * Sleeps for {@code duration}, or less when a stop is requested meanwhile: a wait of the apply
   * (for ECS deployments) ends when the user stops it.
   *
   * @throws InterruptedException when a stop is (or was already) requested, or the thread is
   *     interrupted
   */
  public void sleep(Duration duration) throws InterruptedException {
    if (requested.await(Math.max(0, duration.toMillis()), TimeUnit.MILLISECONDS)) {
      throw new InterruptedException("stop requested: " + reason.get());
    }
  }

  /**
   * Registers what to do when the process is about to end at once (e.g. release an apply's
   * locks). Runs it at once, on this thread, when {@link #abort} was called already.
   *
   * @return unregisters the action (when its session released its locks itself)
   */
  public Runnable onAbort(Runnable action) {
    synchronized (this) {
      if (!aborted) {
        onAbort.push(action);
        return () -> {
          synchronized (this) {
            onAbort.remove(action);
          }
        };
      }
    }
    action.run();
    return () -> {};
  }

  /**
   * The front end is about to end the process at once: requests a stop ({@code why}), then runs
   * every action registered with {@link #onAbort}, each once, all at the same time (one thread
   * each: several accounts release their locks in parallel), and returns when they are done. An
   * action that fails does not keep the others from running. Later calls return at once. The
   * caller bounds how long it waits (actions wait for AWS calls).
   */
  public void abort(String why) {
    request(why);
    List<Runnable> actions;
    synchronized (this) {
      if (aborted) {
        return;
      }
      aborted = true;
      actions = new ArrayList<>(onAbort);
      onAbort.clear();
    }
    List<Thread> threads = new ArrayList<>();
    for (Runnable a : actions) {
      Thread t = new Thread(() -> {
        try {
          a.run();
        } catch (RuntimeException e) {
          // released as far as it could be: a lock's lease ends it otherwise
        }
      }, "rolectl-abort");
      t.setDaemon(true);
      t.start();
      threads.add(t);
    }
    for (Thread t : threads) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}

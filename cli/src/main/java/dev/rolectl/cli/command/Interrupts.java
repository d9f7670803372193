package dev.rolectl.cli.command;

import dev.rolectl.engine.apply.Stop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * SIGINT (Ctrl-C), SIGTERM (how CI runners cancel a job, SIGKILL following after a grace
 * period) and SIGHUP (the terminal closed) during {@code apply}, installed for the whole command:
 *
 * <ul>
 *   <li>while changes are made ({@link #applying()}), the first signal asks the apply to {@link
 *       Stop}: the changes in progress finish, no new one starts, the summary is printed and the
 *       locks released as at any end; exit {@link #INT_EXIT} (SIGINT), {@link #TERM_EXIT}
 *       (SIGTERM) or {@link #HUP_EXIT} (SIGHUP);
 *   <li>before that (locking, planning, the yes prompt), or on a second signal, the process ends
 *       at once, with the same exit code, once {@link Stop#abort} has released the apply's locks
 *       (waiting at most {@link #ABORT_WAIT} for that).
 * </ul>
 *
 * Uses {@code sun.misc.Signal} (module jdk.unsupported), the JDK's only way to handle a signal
 * without ending the process. Where the JVM keeps the signals ({@code -Xrs}), they end the
 * process as before. A SIGHUP that was ignored when the process started ({@code nohup rolectl
 * apply ...}) stays ignored.
 */
final class Interrupts implements AutoCloseable {
  /** The exit code of a process ended by SIGINT (128 + 2), as shells report it. */
  static final int INT_EXIT = 130;

  /** The exit code of a process ended by SIGTERM (128 + 15), as shells report it. */
  static final int TERM_EXIT = 143;

  /** The exit code of a process ended by SIGHUP (128 + 1), as shells report it. */
  static final int HUP_EXIT = 129;

  /** The stop reason of SIGINT (JSON {@code stop_reason}). */
  static final String INT_REASON = "interrupted (Ctrl-C)";

  /** The stop reason of SIGTERM (JSON {@code stop_reason}). */
  static final String TERM_REASON = "terminated (SIGTERM)";

  /** The longest an ending process waits for its locks to be released. */
  static final Duration ABORT_WAIT = Duration.ofSeconds(10);

  /** The stop reason of SIGHUP (JSON {@code stop_reason}). */
  static final String HUP_REASON = "hung up (SIGHUP)";

  /**
   * A signal that was received: its name, stop reason, exit code, and how a message names it
   * ({@code Interrupted}).
   */
  record Received(String name, String reason, int exitCode, String label) {}

  private static final Received INT = new Received("SIGINT", INT_REASON, INT_EXIT, "Interrupted");
  private static final Received TERM =
      new Received("SIGTERM", TERM_REASON, TERM_EXIT, "Terminated (SIGTERM)");
  private static final Received HUP = new Received("SIGHUP", HUP_REASON, HUP_EXIT, "Hung up (SIGHUP)");

  /**
   * The handlers are the process's: installed when the first instance opens, the JVM's own put
   * back when the last one closes (in-process tests run applies side by side); a signal goes to
   * every open instance.
   */
  private static final Set<Interrupts> OPEN = new LinkedHashSet<>(); // guarded by itself
  private static final Map<Signal, SignalHandler> JVM_HANDLERS = new HashMap<>(); // guarded by OPEN

  private final Stop stop;
  private final Consumer<String> say;
  private final Runnable flush;
  private final AtomicReference<Received> first = new AtomicReference<>();
  private final Object ending = new Object();
  private volatile boolean applying;
  private boolean ended; // guarded by ending

  private Interrupts(Stop stop, Consumer<String> say, Runnable flush) {
    this.stop = stop;
    this.say = say;
    this.flush = flush;
    synchronized (OPEN) {
      if (OPEN.isEmpty()) {
        handle("INT", INT);
        handle("TERM", TERM);
        handle("HUP", HUP);
      }
      OPEN.add(this);
    }
  }

  /**
   * Handles SIGINT, SIGTERM and SIGHUP until closed.
   *
   * @param say prints a line for the user (a warning), from the signal's thread
   * @param flush flushes the command's output before the process ends at once
   */
  static Interrupts install(Stop stop, Consumer<String> say, Runnable flush) {
    return new Interrupts(stop, say, flush);
  }

  private static void handle(String name, Received received) {
    Signal signal = new Signal(name);
    try {
      SignalHandler before = Signal.handle(signal, s -> {
        List<Interrupts> open;
        synchronized (OPEN) {
          open = new ArrayList<>(OPEN);
        }
        open.forEach(i -> i.received(received));
      });
      if (before == SignalHandler.SIG_IGN) {
        Signal.handle(signal, before); // ignored from the start (nohup): stays so
      } else {
        JVM_HANDLERS.put(signal, before);
      }
    } catch (IllegalArgumentException e) {
      // the JVM keeps this signal (e.g. -Xrs): it ends the process as before
    }
  }

  /** From here on a signal lets the changes in progress finish: the apply makes changes. */
  void applying() {
    applying = true;
  }

  /** The first signal received, if any. */
  java.util.Optional<Received> received() {
    return java.util.Optional.ofNullable(first.get());
  }

  /** The exit code for the first signal received (when one was). */
  int exitCode() {
    return received().map(Received::exitCode).orElseThrow();
  }

  private void received(Received r) {
    boolean isFirst = first.compareAndSet(null, r);
    if (isFirst && applying) {
      stop.request(r.reason());
      say.accept(
          r.label()
              + ": letting the changes in progress finish, starting no new ones (press Ctrl-C or"
              + " send the signal again to end at once).");
      return;
    }
    end(first.get(), isFirst);
  }

  /**
   * Ends the process: releases the apply's locks (at most {@link #ABORT_WAIT}), says so, and
   * halts with the first signal's exit code. Later signals meanwhile change nothing.
   */
  private void end(Received r, boolean beforeChanges) {
    synchronized (ending) {
      if (ended) {
        return;
      }
      ended = true;
    }
    Thread abort = new Thread(() -> stop.abort(r.reason()), "rolectl-release-locks");
    abort.setDaemon(true);
    abort.start();
    boolean released;
    try {
      abort.join(ABORT_WAIT.toMillis());
      released = !abort.isAlive();
    } catch (InterruptedException e) {
      released = false;
    }
    String locks = released
        ? "no apply lock of this run is left behind"
        : "the apply lock could not be released within " + ABORT_WAIT.toSeconds() + " s: the next"
            + " apply on this host takes it over, others once its lease ends";
    say.accept(beforeChanges && !applying
        ? r.label()
            + " before any change was made: nothing was changed, and " + locks + "."
        : "Ending at once: the changes in progress may be cut (run apply again: it only does"
            + " what is still missing), and " + locks + ".");
    flush.run();
    Runtime.getRuntime().halt(r.exitCode());
  }

  @Override
  public void close() {
    synchronized (OPEN) {
      if (OPEN.remove(this) && OPEN.isEmpty()) {
        JVM_HANDLERS.forEach(Signal::handle);
        JVM_HANDLERS.clear();
      }
    }
  }
}

package dev.rolectl.cli.command;

import dev.rolectl.engine.apply.Stop;
import java.util.concurrent.atomic.AtomicInteger;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Ctrl-C while apply makes changes: the first SIGINT asks the apply to {@link Stop} (changes in
 * flight finish, the summary is printed, exit 130); a second one aborts at once (exit 130).
 * Installed only around the changes, so that Ctrl-C while planning ends the process as usual.
 * Uses {@code sun.misc.Signal} (module jdk.unsupported), the JDK's only way to handle a signal
 * without ending the process.
 */
final class Interrupts implements AutoCloseable {
  /** The exit code of a process ended by SIGINT (128 + 2), as shells report it. */
  static final int EXIT_CODE = 130;

  static final String REASON = "interrupted (Ctrl-C)";

  private static final Signal INT = new Signal("INT");

  private final SignalHandler previous;
  private final AtomicInteger count = new AtomicInteger();

  private Interrupts(Stop stop, Runnable onFirst) {
    SignalHandler handler =
        signal -> {
          if (count.incrementAndGet() == 1) {
            stop.request(REASON);
            onFirst.run();
          } else {
            Runtime.getRuntime().halt(EXIT_CODE);
          }
        };
    SignalHandler old;
    try {
      old = Signal.handle(INT, handler);
    } catch (IllegalArgumentException e) {
      old = null; // the JVM keeps SIGINT (e.g. -Xrs): Ctrl-C then ends the process as before
    }
    this.previous = old;
  }

  /** Handles SIGINT until closed; {@code onFirst} runs on the first one (say what happens). */
  static Interrupts install(Stop stop, Runnable onFirst) {
    return new Interrupts(stop, onFirst);
  }

  /** Whether Ctrl-C was pressed. */
  boolean interrupted() {
    return count.get() > 0;
  }

  @Override
  public void close() {
    if (previous != null) {
      Signal.handle(INT, previous);
    }
  }
}

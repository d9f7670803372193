package dev.rolectl.engine.apply;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Asks a running apply to start no new change; changes in flight finish (their calls are not
 * cut), and the changes not started are reported as such. Requested by the front end (Ctrl-C)
 * or by the apply itself (an unreachable endpoint). Thread-safe; the first reason wins.
 */
public final class Stop {
  private final AtomicReference<String> reason = new AtomicReference<>();

  /**
   * Asks to stop.
   *
   * @param why shown to the user, e.g. {@code interrupted (Ctrl-C)}
   * @return whether this was the first request
   */
  public boolean request(String why) {
    return reason.compareAndSet(null, why);
  }

  /** The first reason given, if stopping was asked for. */
  public Optional<String> reason() {
    return Optional.ofNullable(reason.get());
  }
}

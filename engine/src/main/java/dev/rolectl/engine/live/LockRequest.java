package dev.rolectl.engine.live;

import dev.rolectl.engine.model.EngineEvent;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What {@link IamWriter#lockStack} is asked for.
 *
 * @param stack the stack whose applies exclude each other
 * @param timeout how long to wait for another holder (zero: do not wait, fail naming it)
 * @param lease how long a lock stays valid without being renewed: a lock whose holder crashed is
 *     taken over once this is over ({@link #DEFAULT_LEASE}); the holder renews it while it runs
 * @param events receives {@link EngineEvent.Waiting} while waiting for another holder
 */
public record LockRequest(
    String stack, Duration timeout, Duration lease, Consumer<EngineEvent> events) {

  /** Long enough for a renewal to be late a few times, short enough for a crash to heal. */
  public static final Duration DEFAULT_LEASE = Duration.ofMinutes(10);

  public LockRequest {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(events, "events");
    if (timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("timeout must be zero or more: " + timeout);
    }
    if (lease == null || lease.compareTo(Duration.ofSeconds(3)) < 0) {
      throw new IllegalArgumentException("lease must be at least 3 s: " + lease);
    }
  }

  public LockRequest(String stack, Duration timeout, Consumer<EngineEvent> events) {
    this(stack, timeout, DEFAULT_LEASE, events);
  }
}

package dev.rolectl.engine.apply;

import java.time.Duration;
import java.util.Objects;

/**
 * How to apply a plan.
 *
 * @param parallelism changes in flight at once, at least 1 ({@link #DEFAULT_PARALLELISM} unless
 *     {@code --parallelism})
 * @param partition the account's partition ({@code aws}, {@code aws-cn}, ...), for policy ARNs
 * @param gate the safety re-check before disruptive changes
 * @param consistencyTimeout how long to retry IAM's "Invalid principal" right after the principal
 *     was created (eventual consistency)
 * @param transientRetries how many more times to try a call that still fails with throttling or a
 *     server error after the SDK's own retries
 * @param sleeper how to wait between retries (tests pass one that does not sleep)
 */
public record ApplyOptions(
    int parallelism,
    String partition,
    SafetyGate gate,
    Duration consistencyTimeout,
    int transientRetries,
    Sleeper sleeper) {

  /** Chosen from the measurements in {@code docs/benchmarks-apply.md}. */
  public static final int DEFAULT_PARALLELISM = 8;

  public static final Duration DEFAULT_CONSISTENCY_TIMEOUT = Duration.ofSeconds(60);

  public ApplyOptions {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    Objects.requireNonNull(partition, "partition");
    Objects.requireNonNull(gate, "gate");
    Objects.requireNonNull(consistencyTimeout, "consistencyTimeout");
    Objects.requireNonNull(sleeper, "sleeper");
    if (transientRetries < 0) {
      throw new IllegalArgumentException("transientRetries must not be negative");
    }
  }

  /** Defaults: {@link #DEFAULT_PARALLELISM}, no safety gate, 60 s, 3 extra tries, real sleeps. */
  public static ApplyOptions defaults(String partition) {
    return new ApplyOptions(
        DEFAULT_PARALLELISM,
        partition,
        SafetyGate.allowAll(),
        DEFAULT_CONSISTENCY_TIMEOUT,
        3,
        Sleeper.REAL);
  }

  public ApplyOptions withParallelism(int n) {
    return new ApplyOptions(n, partition, gate, consistencyTimeout, transientRetries, sleeper);
  }

  public ApplyOptions withGate(SafetyGate g) {
    return new ApplyOptions(parallelism, partition, g, consistencyTimeout, transientRetries, sleeper);
  }

  public ApplyOptions withSleeper(Sleeper s) {
    return new ApplyOptions(parallelism, partition, gate, consistencyTimeout, transientRetries, s);
  }

  public ApplyOptions withConsistencyTimeout(Duration d) {
    return new ApplyOptions(parallelism, partition, gate, d, transientRetries, sleeper);
  }

  /** Waits; {@link #REAL} sleeps the thread. */
  @FunctionalInterface
  public interface Sleeper {
    Sleeper REAL = d -> Thread.sleep(d.toMillis());

    void sleep(Duration d) throws InterruptedException;
  }
}

package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriteException.Kind;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EngineEvent;
import java.time.Duration;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The calls of one change, made through the unit's writer: each call is tried again while it
 * fails with a transient error (throttling or server errors the SDK gave up on) and, where asked,
 * while IAM says "Invalid principal" just after the principal was created; a wait is reported as
 * {@link EngineEvent.Waiting}. Idempotency helpers turn "already so" errors into success.
 */
final class Steps {
  private static final Duration FIRST_BACKOFF = Duration.ofSeconds(1);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(8);

  final IamWriter iam;
  private final Address address;
  private final ApplyOptions options;
  private final Consumer<EngineEvent> events;

  Steps(IamWriter iam, Address address, ApplyOptions options, Consumer<EngineEvent> events) {
    this.iam = iam;
    this.address = address;
    this.options = options;
    this.events = events;
  }

  /** Makes a call, retrying transient failures. */
  void call(String op, Runnable call) {
    get(
        op,
        Await.NOTHING,
        () -> {
          call.run();
          return null;
        });
  }

  /** Makes a call whose document names principals, also waiting out "Invalid principal". */
  void callWithPrincipals(String op, Runnable call) {
    get(
        op,
        Await.PRINCIPALS,
        () -> {
          call.run();
          return null;
        });
  }

  /**
   * Makes a call on something created moments ago in this apply: a "not found" is waited out
   * like "Invalid principal" (IAM is eventually consistent).
   */
  void callUntilFound(String op, Runnable call) {
    get(
        op,
        Await.EXISTENCE,
        () -> {
          call.run();
          return null;
        });
  }

  <T> T get(String op, Supplier<T> call) {
    return get(op, Await.NOTHING, call);
  }

  /** Makes a call; an error of one of {@code done} kinds means it is already so. */
  void idempotent(String op, Set<Kind> done, Runnable call) {
    try {
      call(op, call);
    } catch (IamWriteException e) {
      if (!done.contains(e.kind())) {
        throw e;
      }
    }
  }

  /** What else than transient errors a call waits out. */
  private enum Await {
    NOTHING,
    PRINCIPALS,
    EXISTENCE
  }

  private <T> T get(String op, Await await, Supplier<T> call) {
    long start = System.nanoTime();
    int transientTries = 0;
    Duration backoff = FIRST_BACKOFF;
    while (true) {
      try {
        return call.get();
      } catch (IamWriteException e) {
        Duration soFar = Duration.ofNanos(System.nanoTime() - start);
        String why;
        if (e.is(Kind.TRANSIENT) && transientTries < options.transientRetries()) {
          transientTries++;
          why = "IAM kept failing it (" + e.getMessage() + "); trying again";
        } else if (notYetKnown(e, await) && soFar.compareTo(options.consistencyTimeout()) < 0) {
          why =
              (invalidPrincipal(e)
                      ? "IAM does not know a principal of the policy yet"
                      : "IAM does not know the role or policy yet")
                  + " (created moments ago; IAM is eventually consistent); retrying for up to "
                  + options.consistencyTimeout().toSeconds()
                  + " s";
        } else if (notYetKnown(e, await)) {
          throw new IamWriteException(
              e.kind(),
              e.code(),
              e.getMessage()
                  + ": still after "
                  + soFar.toSeconds()
                  + " s; check that every principal, role and policy it names exists",
              e);
        } else {
          throw e;
        }
        events.accept(new EngineEvent.Waiting(address + ": " + op, why, soFar));
        sleep(backoff);
        backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
      }
    }
  }

  private boolean notYetKnown(IamWriteException e, Await await) {
    if (!iam.eventuallyConsistent()) {
      return false;
    }
    switch (await) {
      case PRINCIPALS:
        return invalidPrincipal(e);
      case EXISTENCE:
        return invalidPrincipal(e) || e.is(Kind.NOT_FOUND);
      case NOTHING:
      default:
        return false;
    }
  }

  static boolean invalidPrincipal(IamWriteException e) {
    return e.is(Kind.MALFORMED_POLICY)
        && e.getMessage() != null
        && e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("invalid principal");
  }

  private void sleep(Duration d) {
    try {
      options.sleeper().sleep(d);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IamWriteException(Kind.OTHER, "interrupted while waiting to retry " + address);
    }
  }
}

package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LockRequest;
import dev.rolectl.engine.live.TargetException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * An apply lock held in the account ({@link AccountLock}): a policy whose ARN is this holder's
 * alone. Its lease is renewed ({@code TagPolicy} of that ARN) every {@link
 * LockLease#renewEvery sixth} of the lease, and once more by {@link #confirm()} before the first
 * change. The lock is lost, and the listeners told once, when a renewal meets {@code
 * NoSuchEntity} (another apply found the lease over and deleted the policy) or when the {@link
 * LockLease#deadline() deadline} passes without a renewal answered in time. {@link #close()}
 * deletes the policy by its ARN: never another holder's lock. Thread-safe.
 */
final class HeldLock implements IamWriter.Lock {
  private final IamClient iam;
  private final String arn;
  private final String stack;
  private final Clock clock;
  private final LockLease lease; // guarded by this
  private final List<Consumer<String>> listeners = new ArrayList<>(); // guarded by this
  /** Two threads: the deadline is watched while a renewal waits for its answer. */
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
    Thread t = new Thread(r, "rolectl-lock-renewer");
    t.setDaemon(true);
    return t;
  });
  /** One renewal at a time: the tag IAM keeps is then the last one answered. */
  private final Object renewing = new Object();
  private ScheduledFuture<?> watch; // guarded by this
  private String lastFailure; // guarded by this
  private boolean closed; // guarded by this

  HeldLock(IamClient iam, String arn, LockRequest request, LockLease lease, Clock clock) {
    this.iam = iam;
    this.arn = arn;
    this.stack = request.stack();
    this.clock = clock;
    this.lease = lease;
    long every = Math.max(1, LockLease.renewEvery(request.lease()).toMillis());
    timer.scheduleWithFixedDelay(this::renewQuietly, every, every, TimeUnit.MILLISECONDS);
    synchronized (this) {
      watchDeadline();
    }
  }

  /** The lock policy's ARN. */
  String arn() {
    return arn;
  }

  @Override
  public void confirm() {
    renew();
    String why;
    synchronized (this) {
      lease.heldAt(clock.instant());
      why = lease.lost();
    }
    if (why != null) {
      throw new TargetException("this apply no longer holds the apply lock of stack " + stack
          + " (" + arn + "): " + why + ". Nothing was changed: run apply again");
    }
  }

  @Override
  public void onLost(Consumer<String> listener) {
    String why;
    synchronized (this) {
      why = lease.lost();
      if (why == null) {
        listeners.add(listener);
        return;
      }
    }
    listener.accept(describe(why));
  }

  /** One renewal; a failure that is not "the lock is gone" leaves it to the next one. */
  private void renewQuietly() {
    try {
      renew();
    } catch (RuntimeException e) {
      // kept as the last failure; the deadline decides
    }
  }

  /**
   * Writes {@code now + lease} into the lock's expiry tag. Throws when the renewal failed for
   * another reason than the lock being gone (then the lease is as it was).
   */
  private void renew() {
    synchronized (renewing) {
      renewOnce();
    }
  }

  private void renewOnce() {
    Instant sent;
    synchronized (this) {
      if (closed || lease.lost() != null) {
        return;
      }
      sent = clock.instant();
    }
    Instant expires = lease.expiresIfSent(sent);
    try {
      iam.tagPolicy(b -> b.policyArn(arn).tags(
          Tag.builder().key(AccountLock.TAG_EXPIRES).value(expires.toString()).build()));
    } catch (NoSuchEntityException e) {
      lose("its policy is gone: another apply found its lease over and took the lock over");
      return;
    } catch (SdkException e) {
      synchronized (this) {
        lastFailure = e.getMessage();
      }
      throw new TargetException("cannot confirm that this apply still holds the apply lock of"
          + " stack " + stack + " (" + arn + "): renewing its lease failed (" + e.getMessage()
          + "). Nothing was changed: run apply again", e);
    }
    List<Consumer<String>> tell;
    String why;
    synchronized (this) {
      if (closed) {
        return;
      }
      if (lease.renewed(sent, clock.instant())) {
        watchDeadline();
        return;
      }
      why = lease.lost();
      tell = takeListeners();
    }
    tell.forEach(l -> l.accept(describe(why)));
  }

  private void lose(String why) {
    List<Consumer<String>> tell;
    String first;
    synchronized (this) {
      if (closed || lease.lost() != null) {
        return;
      }
      lease.lose(why);
      first = lease.lost();
      tell = takeListeners();
    }
    tell.forEach(l -> l.accept(describe(first)));
  }

  /** (Re)arms the check at the deadline. Caller holds the monitor. */
  private void watchDeadline() {
    if (watch != null) {
      watch.cancel(false);
    }
    long delay = Math.max(0, Duration.between(clock.instant(), lease.deadline()).toMillis());
    watch = timer.schedule(this::atDeadline, delay, TimeUnit.MILLISECONDS);
  }

  private void atDeadline() {
    List<Consumer<String>> tell;
    String why;
    synchronized (this) {
      if (closed || lease.lost() != null) {
        return;
      }
      if (lease.heldAt(clock.instant())) {
        watchDeadline(); // woke a little early
        return;
      }
      why = lease.lost() + (lastFailure == null ? "" : " (the last renewal failed: " + lastFailure + ")");
      tell = takeListeners();
    }
    tell.forEach(l -> l.accept(describe(why)));
  }

  private List<Consumer<String>> takeListeners() {
    List<Consumer<String>> out = new ArrayList<>(listeners);
    listeners.clear();
    return out;
  }

  private String describe(String why) {
    return "this apply lost the apply lock of stack " + stack + " (" + arn + "): " + why;
  }

  /**
   * Stops renewing and deletes the lock policy by its ARN ({@code NoSuchEntity}: another apply
   * took it over already).
   *
   * @throws TargetException naming the ARN when the delete failed
   */
  @Override
  public void close() {
    Instant expires;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      expires = lease.expires();
    }
    timer.shutdownNow();
    try {
      iam.deletePolicy(b -> b.policyArn(arn));
    } catch (NoSuchEntityException e) {
      // taken over after its lease ended: nothing of ours is left
    } catch (SdkException e) {
      throw new TargetException("could not release the apply lock of stack " + stack + ": "
          + "DeletePolicy " + arn + " failed (" + AwsErrors.translate(e, "delete it").getMessage()
          + "). The lock ends by itself at " + expires + ", when the next apply takes it over;"
          + " if no apply of stack " + stack + " is running, delete it now: aws iam delete-policy"
          + " --policy-arn " + arn, e);
    }
  }
}

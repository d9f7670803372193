package dev.rolectl.engine.live.aws;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The lease of a held apply lock, as its holder keeps it: the lock policy's {@code
 * rolectl:lock-expires} tag says {@code sent + lease} for the last write of it (the {@code
 * CreatePolicy}, then each {@code TagPolicy}); another apply may take the lock over once that time
 * is past by its own clock. The holder therefore stops starting changes at the {@link #deadline()},
 * {@link #margin()} before the lease it last wrote ends, and a renewal counts only when its answer
 * came back before the deadline then in force (a renewal whose answer is late may have reached IAM
 * after another apply read the old lease as over). Once lost, a lease stays lost. Not
 * thread-safe: {@link HeldLock} guards it.
 *
 * <p>The margin covers a change still in flight at the deadline, clock skew between hosts and
 * IAM's replication delay for the tag (see docs/security.md, "The apply lock").
 */
final class LockLease {
  private final Duration lease;
  private Instant expires;
  private Instant deadline;
  private String lost;

  /**
   * @param lease how long a written lease lasts
   * @param created when the {@code CreatePolicy} that wrote the first lease was sent
   */
  LockLease(Duration lease, Instant created) {
    this.lease = Objects.requireNonNull(lease, "lease");
    this.expires = created.plus(lease);
    this.deadline = expires.minus(margin(lease));
  }

  /** Three tenths of the lease (3 minutes of the default 10). */
  static Duration margin(Duration lease) {
    return lease.dividedBy(10).multipliedBy(3);
  }

  /** How often the holder renews: a sixth of the lease, so that 4 tries fit before the deadline. */
  static Duration renewEvery(Duration lease) {
    return lease.dividedBy(6);
  }

  Duration margin() {
    return margin(lease);
  }

  /** The expiry to write in a renewal sent at {@code sent}. */
  Instant expiresIfSent(Instant sent) {
    return sent.plus(lease);
  }

  /**
   * A renewal sent at {@code sent} was answered with success at {@code answered}: it extends the
   * lease when the answer came before the deadline; otherwise the lease is lost.
   *
   * @return whether the lease is held after it
   */
  boolean renewed(Instant sent, Instant answered) {
    if (lost != null) {
      return false;
    }
    if (!answered.isBefore(deadline)) {
      lose("its renewal was answered at " + answered + ", after this apply's deadline " + deadline
          + " (" + seconds(margin()) + " before the lease it had written ended)");
      return false;
    }
    expires = expiresIfSent(sent);
    deadline = expires.minus(margin());
    return true;
  }

  /** Whether the lease is held at {@code now}; past the deadline it is lost for good. */
  boolean heldAt(Instant now) {
    if (lost == null && !now.isBefore(deadline)) {
      lose("its lease could not be renewed in time: this apply stops starting changes at "
          + deadline + ", " + seconds(margin()) + " before the lease ends at " + expires);
    }
    return lost == null;
  }

  /** {@code 180 s}, {@code 3.6 s}. */
  private static String seconds(Duration d) {
    return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s"
        : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** Marks the lease lost ({@code why} is kept when it is the first reason). */
  void lose(String why) {
    if (lost == null) {
      lost = why;
    }
  }

  /** Why the lease was lost, or null. */
  String lost() {
    return lost;
  }

  Instant deadline() {
    return deadline;
  }

  /** The end of the lease last written with success. */
  Instant expires() {
    return expires;
  }
}

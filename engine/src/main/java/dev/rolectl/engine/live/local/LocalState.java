package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.LiveAccount;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything an account file holds: the IAM account (with every user and group, and every
 * attachment) and the ECS section.
 *
 * @param takenAt when the state was read from its source (the file's {@code TakenAt}, written by
 *     {@code rolectl snapshot}); {@code null} when the file does not say
 * @param source what the file held when it was read, so that writing the state back keeps what
 *     rolectl does not model; {@code null} for a state not read from a file
 */
public record LocalState(LiveAccount account, LocalEcsState ecs, java.time.Instant takenAt,
    AccountSource source) {

  /** The account id of a file that names none and has no ARNs to take it from. */
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  public LocalState {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(ecs, "ecs");
  }

  /** Equal when account, ECS section and date are: the source says how to write, not what is held. */
  @Override
  public boolean equals(Object o) {
    return o instanceof LocalState s && account.equals(s.account) && ecs.equals(s.ecs)
        && java.util.Objects.equals(takenAt, s.takenAt);
  }

  @Override
  public int hashCode() {
    return java.util.Objects.hash(account, ecs, takenAt);
  }

  /** A state of unknown date. */
  public LocalState(LiveAccount account, LocalEcsState ecs) {
    this(account, ecs, null);
  }

  /** A state not read from a file. */
  public LocalState(LiveAccount account, LocalEcsState ecs, java.time.Instant takenAt) {
    this(account, ecs, takenAt, null);
  }

  /** The same state with another ECS section. */
  public LocalState withEcs(LocalEcsState other) {
    return other == ecs ? this : new LocalState(account, other, takenAt, source);
  }

  /** An account with nothing in it ({@code local:} with a missing file). */
  public static LocalState empty() {
    return new LocalState(
        new LiveAccount(DEFAULT_ACCOUNT_ID, "aws", Map.of(), Map.of(), List.of()),
        LocalEcsState.absent());
  }
}

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
 */
public record LocalState(LiveAccount account, LocalEcsState ecs, java.time.Instant takenAt) {

  /** The account id of a file that names none and has no ARNs to take it from. */
  public static final String DEFAULT_ACCOUNT_ID = "123456789012";

  public LocalState {
    Objects.requireNonNull(account, "account");
    Objects.requireNonNull(ecs, "ecs");
  }

  /** A state of unknown date. */
  public LocalState(LiveAccount account, LocalEcsState ecs) {
    this(account, ecs, null);
  }

  /** The same state with another ECS section. */
  public LocalState withEcs(LocalEcsState other) {
    return other == ecs ? this : new LocalState(account, other, takenAt);
  }

  /** An account with nothing in it ({@code local:} with a missing file). */
  public static LocalState empty() {
    return new LocalState(
        new LiveAccount(DEFAULT_ACCOUNT_ID, "aws", Map.of(), Map.of(), List.of()),
        LocalEcsState.absent());
  }
}

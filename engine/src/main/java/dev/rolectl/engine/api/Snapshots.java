package dev.rolectl.engine.api;

import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.local.EcsSnapshots;
import dev.rolectl.engine.live.local.FileTarget;
import dev.rolectl.engine.live.local.LocalEcsState;
import dev.rolectl.engine.live.local.LocalState;
import dev.rolectl.engine.live.local.SnapshotWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code snapshot}: a target's IAM state (roles, customer managed policies, users, groups) and the
 * ECS services that use roles as infrastructure roles, written as an account file.
 */
public final class Snapshots {
  private Snapshots() {}

  /**
   * What was written.
   *
   * @param roles roles in the file
   * @param policies customer managed policies in the file
   * @param ecsRegions regions whose ECS state the file records
   * @param ecsScannedAt when ECS was read; empty when the source did not say
   * @param ecsPresent whether the file has an {@code ecs} section (without one, plans against it
   *     block disruptive changes to roles ECS can assume)
   */
  public record Written(
      int roles, int policies, int ecsRegions, Optional<Instant> ecsScannedAt, boolean ecsPresent) {}

  /**
   * Reads {@code target} and writes the snapshot to {@code out} (atomically); nothing is written
   * when ECS cannot be read ({@link Refused}), since a snapshot must not say that no
   * deployment uses a role when ECS could not be read.
   *
   * @param ecsRegions regions to scan; empty: every region enabled for the account
   */
  public static Written take(Target target, List<String> ecsRegions, Path out) {
    LiveAccount account = target.iam().read(ReadRequest.everything());
    Instant takenAt = Instant.now();
    LocalEcsState ecs;
    if (target instanceof FileTarget file) {
      ecs = file.state().ecs();
    } else {
      EcsScan inventory = target.ecs().inventory(ecsRegions);
      if (!inventory.isKnown()) {
        throw new Refused("cannot record ECS: " + inventory.unknownReason().get()
            + ". Nothing was written (a snapshot must not say that no deployment uses a role when"
            + " ECS could not be read).");
      }
      ecs = EcsSnapshots.state(inventory, takenAt);
    }
    SnapshotWriter.write(new LocalState(account, ecs, takenAt), out);
    return new Written(account.roles().size(), account.policies().size(),
        ecs.regions().size(), Optional.ofNullable(ecs.scannedAt()), ecs.present());
  }
}

package dev.rolectl.engine.api;

import dev.rolectl.engine.live.Ec2Scan;
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
 * {@code snapshot}: a target's IAM state (roles, customer managed policies, users, groups, the
 * instance profiles roles are in), the ECS services, tasks and daemons that use roles, and the
 * EC2 instances associated with instance profiles, written as an account file.
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
   * @param takenAt the file's {@code TakenAt}: now for {@code aws}; for a copy of a {@code
   *     snapshot:} or {@code local:} file, the source's (empty when it records none)
   * @param copy the source was an account file, not a live account
   */
  public record Written(int roles, int policies, int ecsRegions, Optional<Instant> ecsScannedAt,
      boolean ecsPresent, Optional<Instant> takenAt, boolean copy) {}

  /**
   * Reads {@code target} and writes the snapshot to {@code out} (atomically); nothing is written
   * when ECS cannot be read ({@link Refused}), since a snapshot must not say that no
   * deployment uses a role when ECS could not be read.
   *
   * <p>Only a live account is taken "now". A snapshot of an account file ({@code snapshot:} or
   * {@code local:}) is a copy of it: its IAM, its {@code ecs} section (with its {@code scannedAt})
   * and its {@code TakenAt}, or no {@code TakenAt} when the file records none, since when its
   * state was read from AWS is then unknown.
   *
   * @param ecsRegions regions to scan; empty: every region enabled for the account
   */
  public static Written take(Target target, List<String> ecsRegions, Path out) {
    LocalState state = target instanceof FileTarget file ? file.state() : live(target, ecsRegions);
    try {
      // the output's folders (an account file of local: gets none: it must be there already)
      java.nio.file.Files.createDirectories(out.toAbsolutePath().getParent());
    } catch (java.io.IOException e) {
      throw new dev.rolectl.engine.live.TargetException(out + ": cannot make its folder ("
          + dev.rolectl.engine.input.InputFile.describe(e) + ")", e);
    }
    SnapshotWriter.write(state, out);
    LiveAccount account = state.account();
    LocalEcsState ecs = state.ecs();
    return new Written(account.roles().size(), account.policies().size(), ecs.regions().size(),
        Optional.ofNullable(ecs.scannedAt()), ecs.present(), Optional.ofNullable(state.takenAt()),
        target instanceof FileTarget);
  }

  /** A live account's IAM and ECS, taken now. */
  private static LocalState live(Target target, List<String> ecsRegions) {
    LiveAccount account = target.iam().read(ReadRequest.everything());
    Instant takenAt = Instant.now();
    EcsScan inventory = target.ecs().inventory(ecsRegions);
    if (!inventory.isKnown()) {
      throw new Refused("cannot record ECS: " + inventory.reason().get()
          + ". Nothing was written (a snapshot must not say that no deployment uses a role when"
          + " ECS could not be read).");
    }
    Ec2Scan instances = target.ec2().inventory(ecsRegions);
    if (!instances.isKnown()) {
      throw new Refused("cannot record EC2's instance profile associations: "
          + instances.reason().get() + ". Nothing was written (a snapshot must not say that no"
          + " instance uses an instance profile when EC2 could not be read).");
    }
    return new LocalState(account, EcsSnapshots.state(inventory, takenAt)
        .withEc2(EcsSnapshots.ec2(instances, takenAt)), takenAt);
  }
}

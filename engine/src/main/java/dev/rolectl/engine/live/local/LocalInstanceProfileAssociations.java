package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.Ec2Scan;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.InstanceUse;
import dev.rolectl.engine.live.TargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The {@link InstanceProfileAssociations} of an account file's {@code ec2} section ({@link
 * LocalEcsState.Ec2}), read anew on every scan. A file without the section has no instances for
 * {@code local:} (the file is the whole account) and is unknown for {@code snapshot:} (a snapshot
 * of IAM alone says nothing about EC2). A file that lists the regions it scanned ({@code
 * ec2.regions}) is unknown for the others; a snapshot that does not list them covers only the
 * regions its associations name (fail closed). A snapshot's scans are "as of" its {@code
 * ec2.scannedAt}, else its {@code TakenAt}.
 */
public final class LocalInstanceProfileAssociations implements InstanceProfileAssociations {
  private final Supplier<LocalEcsState> source;
  private final Supplier<Instant> takenAt;
  private final String file;
  private final boolean snapshot;

  /**
   * @param source reads the file's {@code ecs} and {@code ec2} sections (may throw {@link
   *     TargetException})
   * @param takenAt the file's {@code TakenAt}, asked after {@code source}
   */
  public LocalInstanceProfileAssociations(
      Supplier<LocalEcsState> source, Supplier<Instant> takenAt, String file, boolean snapshot) {
    this.source = Objects.requireNonNull(source, "source");
    this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
    this.file = Objects.requireNonNull(file, "file");
    this.snapshot = snapshot;
  }

  @Override
  public Ec2Scan scan(Collection<String> names, Collection<String> regions) {
    return read(names, regions);
  }

  @Override
  public Ec2Scan rescan(Collection<String> names, Collection<String> regions) {
    return read(names, regions);
  }

  @Override
  public Ec2Scan inventory(Collection<String> regions) {
    return read(null, regions);
  }

  private Ec2Scan read(Collection<String> names, Collection<String> regions) {
    LocalEcsState.Ec2 ec2;
    try {
      ec2 = source.get().ec2();
    } catch (TargetException e) {
      return Ec2Scan.unknown(regions, e.getMessage());
    }
    if (!ec2.present() && snapshot) {
      return Ec2Scan.unknown(regions, file + " has no ec2 section, so it does not say which EC2"
          + " instances use the instance profiles: take the snapshot with 'rolectl snapshot' (it"
          + " records them), add them to it (see docs/account-files.md), or plan against"
          + " --target aws");
    }
    List<String> covered = ec2.regions().isEmpty()
        ? ec2.associations().stream().map(LocalEcsState.Association::region)
            .filter(Objects::nonNull).distinct().toList()
        : ec2.regions();
    List<String> notScanned = snapshot || !ec2.regions().isEmpty()
        ? regions.stream().filter(r -> covered.stream().noneMatch(r::equalsIgnoreCase)).toList()
        : List.of();
    List<String> scanned = new ArrayList<>(ec2.regions().isEmpty() && !snapshot ? List.of() : covered);
    regions.stream().filter(r -> scanned.stream().noneMatch(r::equalsIgnoreCase))
        .forEach(scanned::add);
    String source = snapshot
        ? "snapshot " + file + (asOf(ec2) == null ? " of unknown date" : " taken at " + asOf(ec2))
        : "account file " + file;
    List<InstanceUse> uses = new ArrayList<>();
    for (LocalEcsState.Association a : ec2.associations()) {
      InstanceUse u = new InstanceUse(a.region() == null ? "default region" : a.region(),
          a.instanceId(), a.instanceProfileArn(), a.associationId(), a.state(), source);
      if (names == null || names.stream().anyMatch(n -> n.equalsIgnoreCase(u.instanceProfileName()))) {
        uses.add(u);
      }
    }
    Ec2Scan scan = Ec2Scan.known(scanned, uses);
    if (!notScanned.isEmpty()) {
      scan = new Ec2Scan(scan.regions(), scan.uses(), java.util.Optional.of(file
          + " says nothing about EC2 instances in " + String.join(", ", notScanned)
          + ": take the snapshot in those regions too (rolectl snapshot records every enabled"
          + " region), or plan against --target aws"), List.of(), List.of(),
          java.util.Optional.empty(), java.util.Optional.empty(), false);
    }
    return snapshot ? scan.asOf(asOf(ec2)) : scan;
  }

  private Instant asOf(LocalEcsState.Ec2 ec2) {
    return ec2.scannedAt() != null ? ec2.scannedAt() : takenAt.get();
  }
}

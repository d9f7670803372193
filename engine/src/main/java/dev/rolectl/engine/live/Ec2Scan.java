package dev.rolectl.engine.live;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link InstanceProfileAssociations} scan found: which EC2 instances use the asked
 * instance profiles, in which regions, and what could not be read.
 *
 * @param regions the regions scanned
 * @param uses every association of an asked profile that is not {@code disassociated}
 * @param unknownReason why EC2 could not be read, other than failed regions (the enabled regions
 *     unknown, a snapshot without an {@code ec2} section); empty when none
 * @param failures the regions that could not be read, one entry per way they failed
 * @param notChecked regions not checked because an organisation policy denies the read there and
 *     the stack says so ({@link #excusing})
 * @param partial what was left out although the scan is complete where it looked (only the
 *     stack's regions, because the enabled ones could not be read)
 * @param asOf when the state was read, for a scan answered from a snapshot
 * @param fromSnapshot whether the answer comes from a {@code snapshot:} file
 */
public record Ec2Scan(
    List<String> regions,
    List<InstanceUse> uses,
    Optional<String> unknownReason,
    List<RegionFailure> failures,
    List<String> notChecked,
    Optional<String> partial,
    Optional<Instant> asOf,
    boolean fromSnapshot) {

  public Ec2Scan {
    regions = List.copyOf(regions);
    uses = uses.stream().filter(InstanceUse::inUse).toList();
    Objects.requireNonNull(unknownReason, "unknownReason");
    failures = RegionFailure.group(failures);
    notChecked = notChecked.stream().sorted().distinct().toList();
    Objects.requireNonNull(partial, "partial");
    Objects.requireNonNull(asOf, "asOf");
  }

  /** A complete live scan. */
  public static Ec2Scan known(Collection<String> regions, Collection<InstanceUse> uses) {
    return new Ec2Scan(List.copyOf(regions), List.copyOf(uses), Optional.empty(), List.of(),
        List.of(), Optional.empty(), Optional.empty(), false);
  }

  /** A scan that could not read EC2. */
  public static Ec2Scan unknown(Collection<String> regions, String reason) {
    return new Ec2Scan(List.copyOf(regions), List.of(), Optional.of(reason), List.of(), List.of(),
        Optional.empty(), Optional.empty(), false);
  }

  /** The associations of the instance profile (name ignoring case). */
  public List<InstanceUse> usesOf(String instanceProfileName) {
    return uses.stream()
        .filter(u -> u.instanceProfileName().equalsIgnoreCase(instanceProfileName))
        .toList();
  }

  /** Whether EC2 was read completely (unchecked regions aside). */
  public boolean isKnown() {
    return unknownReason.isEmpty() && failures.isEmpty();
  }

  /** Why EC2 could not be read completely; empty when it was. */
  public Optional<String> reason() {
    List<String> parts = new ArrayList<>();
    failures.forEach(f -> parts.add(f.describe()));
    unknownReason.ifPresent(parts::add);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  /** The same scan with these failed regions besides its own. */
  public Ec2Scan withFailures(Collection<RegionFailure> more) {
    List<RegionFailure> all = new ArrayList<>(failures);
    all.addAll(more);
    return new Ec2Scan(regions, uses, unknownReason, all, notChecked, partial, asOf, fromSnapshot);
  }

  /** The same scan, with what it left out (see {@link #partial()}). */
  public Ec2Scan partial(String what) {
    return new Ec2Scan(regions, uses, unknownReason, failures, notChecked, Optional.of(what), asOf,
        fromSnapshot);
  }

  /** The same scan, answered from a snapshot taken at {@code when} ({@code null}: unknown). */
  public Ec2Scan asOf(Instant when) {
    return new Ec2Scan(regions, uses, unknownReason, failures, notChecked, partial,
        Optional.ofNullable(when), true);
  }

  /**
   * The same scan where the regions an organisation policy denies and {@code declared} names are
   * not checked rather than failed ({@link RegionFailure#excuse}).
   */
  public Ec2Scan excusing(Collection<String> declared) {
    RegionFailure.Excused e = RegionFailure.excuse(failures, declared);
    if (e.excused().isEmpty()) {
      return this;
    }
    List<String> skipped = new ArrayList<>(notChecked);
    skipped.addAll(e.excused());
    return new Ec2Scan(regions, uses, unknownReason, e.left(), skipped, partial, asOf,
        fromSnapshot);
  }
}

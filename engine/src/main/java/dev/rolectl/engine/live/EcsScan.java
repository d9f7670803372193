package dev.rolectl.engine.live;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link EcsDeployments} scan found.
 *
 * @param regions the regions scanned
 * @param clusters the clusters scanned (ARNs, or {@code region/name} from account files), sorted
 * @param uses role ARN (as asked) to the ECS resources that use it; roles nothing uses are absent
 * @param unknownReason why ECS could not be read completely (access denied, endpoint
 *     unreachable, a server error, the enabled regions unknown, a snapshot without an {@code ecs}
 *     section), with what to do; empty when the scan is complete. When present, {@code uses} holds
 *     what could be read and is not the whole truth.
 * @param asOf when the state was read, for a scan answered from a snapshot taken earlier (its
 *     {@code ecs.scannedAt}, else its {@code TakenAt}); empty for a live read and undated snapshots
 * @param fromSnapshot whether the answer comes from a {@code snapshot:} file: the safety rules then
 *     never allow outright (the state may be out of date), dated or not
 * @param partial what was left out although the scan is complete where it looked, e.g. that the
 *     regions enabled for the account could not be read and only the stack's {@code
 *     settings.ecs.regions} were scanned; the safety rules then warn rather than allow
 * @param failures the regions that could not be read, one entry per way they failed ({@link
 *     RegionFailure#group}); like {@code unknownReason}, any makes the scan unknown
 * @param notChecked regions left out because an organisation policy denies the reads there and
 *     the stack says so ({@link #excusing}); the safety rules then warn rather than allow
 */
public record EcsScan(
    List<String> regions,
    List<String> clusters,
    Map<String, List<ServiceUse>> uses,
    Optional<String> unknownReason,
    Optional<Instant> asOf,
    boolean fromSnapshot,
    Optional<String> partial,
    List<RegionFailure> failures,
    List<String> notChecked) {

  /** A live scan, or one without the snapshot and partial marks. */
  public EcsScan(
      List<String> regions,
      List<String> clusters,
      Map<String, List<ServiceUse>> uses,
      Optional<String> unknownReason,
      Optional<Instant> asOf) {
    this(regions, clusters, uses, unknownReason, asOf, asOf.isPresent(), Optional.empty());
  }

  /** A scan without failed or unchecked regions. */
  public EcsScan(
      List<String> regions,
      List<String> clusters,
      Map<String, List<ServiceUse>> uses,
      Optional<String> unknownReason,
      Optional<Instant> asOf,
      boolean fromSnapshot,
      Optional<String> partial) {
    this(regions, clusters, uses, unknownReason, asOf, fromSnapshot, partial, List.of(), List.of());
  }

  public EcsScan {
    regions = List.copyOf(regions);
    clusters = clusters.stream().sorted().distinct().toList();
    Map<String, List<ServiceUse>> copy = new LinkedHashMap<>();
    uses.forEach(
        (arn, list) -> {
          if (!list.isEmpty()) {
            copy.put(Objects.requireNonNull(arn, "role ARN"), List.copyOf(list));
          }
        });
    uses = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(unknownReason, "unknownReason");
    Objects.requireNonNull(asOf, "asOf");
    Objects.requireNonNull(partial, "partial");
    failures = RegionFailure.group(failures);
    notChecked = notChecked.stream().sorted().distinct().toList();
  }

  /** A complete live scan. */
  public static EcsScan known(Collection<String> regions, Map<String, List<ServiceUse>> uses) {
    return new EcsScan(List.copyOf(regions), List.of(), uses, Optional.empty(), Optional.empty());
  }

  /** A scan that could not read ECS. */
  public static EcsScan unknown(Collection<String> regions, String reason) {
    return new EcsScan(
        List.copyOf(regions), List.of(), Map.of(), Optional.of(reason), Optional.empty());
  }

  /** The same scan, answered from a snapshot taken at {@code when} ({@code null}: unknown). */
  public EcsScan asOf(Instant when) {
    return new EcsScan(regions, clusters, uses, unknownReason, Optional.ofNullable(when), true,
        partial, failures, notChecked);
  }

  /** The same scan with the clusters that were read. */
  public EcsScan withClusters(Collection<String> scanned) {
    return new EcsScan(regions, List.copyOf(scanned), uses, unknownReason, asOf, fromSnapshot,
        partial, failures, notChecked);
  }

  /** The same scan, with what it left out (see {@link #partial()}). */
  public EcsScan partial(String what) {
    return new EcsScan(regions, clusters, uses, unknownReason, asOf, fromSnapshot,
        Optional.of(what), failures, notChecked);
  }

  /** The same scan with these failed regions besides its own. */
  public EcsScan withFailures(Collection<RegionFailure> more) {
    List<RegionFailure> all = new java.util.ArrayList<>(failures);
    all.addAll(more);
    return new EcsScan(regions, clusters, uses, unknownReason, asOf, fromSnapshot, partial, all,
        notChecked);
  }

  /** The same scan with another reason of its own (the failed regions stay apart). */
  public EcsScan withUnknownReason(Optional<String> reason) {
    return new EcsScan(regions, clusters, uses, reason, asOf, fromSnapshot, partial, failures,
        notChecked);
  }

  /**
   * The same scan where the regions that an organisation policy denies and that {@code declared}
   * names ({@code settings.ecs.organizationDeniedRegions}; {@code *} names every region) are not
   * checked rather than failed. Only failures whose answer says an organisation policy denied the
   * call ({@link RegionFailure#organizationDenied()}) are excused, and only where every failure of
   * the region is such: any other failure in the region keeps the region failed.
   */
  public EcsScan excusing(Collection<String> declared) {
    RegionFailure.Excused e = RegionFailure.excuse(failures, declared);
    if (e.excused().isEmpty()) {
      return this;
    }
    List<String> skipped = new java.util.ArrayList<>(notChecked);
    skipped.addAll(e.excused());
    return new EcsScan(regions, clusters, uses, unknownReason, asOf, fromSnapshot, partial,
        e.left(), skipped);
  }

  /**
   * Why ECS could not be read completely: the failed regions (one line per way they failed) and
   * the scan's other reasons; empty when it was.
   */
  public Optional<String> reason() {
    List<String> parts = new java.util.ArrayList<>();
    failures.forEach(f -> parts.add(f.describe()));
    unknownReason.ifPresent(parts::add);
    return parts.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", parts));
  }

  /** Whether ECS was read completely (unchecked regions aside: see {@link #notChecked()}). */
  public boolean isKnown() {
    return unknownReason.isEmpty() && failures.isEmpty();
  }

  /** The resources that use the role (as asked), none when none. */
  public List<ServiceUse> usesOf(String roleArn) {
    return uses.getOrDefault(roleArn, List.of());
  }

  /** Whether something that uses the role has a deployment (or change) under way. */
  public boolean deploying(String roleArn) {
    return usesOf(roleArn).stream().anyMatch(ServiceUse::deploying);
  }
}

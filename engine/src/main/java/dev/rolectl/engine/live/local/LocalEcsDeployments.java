package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.TargetException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link EcsDeployments} of an account file's {@code ecs} section ({@link LocalEcsState}), read
 * anew on every scan (files are cheap to read and may change between plan and apply).
 *
 * <p>A resource uses a role through {@code loadBalancers[].advancedConfiguration.roleArn} or a
 * field of its {@code roleArns}. A deployment entry with a {@code Service.deployments[]} status
 * ({@code PRIMARY}, {@code ACTIVE}, {@code INACTIVE}) is judged by {@link
 * DeploymentSignals#underWay}; one with a finished service deployment status ({@code SUCCESSFUL},
 * ...) is over; any other (a pending or ongoing status such as {@code IN_PROGRESS}, a status
 * rolectl does not know, or none) counts as active.
 *
 * <p>Every scan looks at every cluster in the file (regions asked for add to a scan, never narrow
 * it: {@link EcsDeployments#scan}); a cluster without a {@code region} belongs to every region. A
 * file without an {@code ecs} section is an empty ECS for {@code local:} (the file is the whole
 * account) and unknown for {@code snapshot:} (a snapshot of IAM says nothing about ECS). A file
 * that lists the regions it scanned ({@code ecs.regions}) is unknown for the others; a snapshot
 * that does not list them covers only the regions its clusters name (fail closed). A snapshot's
 * scans are "as of" its {@code ecs.scannedAt}, else its {@code TakenAt} ({@link EcsScan#asOf()};
 * undated ones are still marked {@link EcsScan#fromSnapshot()}).
 */
public final class LocalEcsDeployments implements EcsDeployments {
  private final Supplier<LocalEcsState> source;
  private final Supplier<Instant> takenAt;
  private final String file;
  private final boolean snapshot;

  /**
   * @param source reads the file's ECS section (may throw {@link TargetException})
   * @param file names the file in messages
   * @param snapshot whether the file is a snapshot (a missing {@code ecs} section leaves ECS
   *     unknown, and scans are "as of" its {@code scannedAt}) rather than the account itself
   */
  public LocalEcsDeployments(Supplier<LocalEcsState> source, String file, boolean snapshot) {
    this(source, () -> null, file, snapshot);
  }

  /**
   * @param takenAt the file's {@code TakenAt} ({@code null} when it has none), asked after {@code
   *     source}: a snapshot's scans are "as of" it when its {@code ecs} section has no {@code
   *     scannedAt}
   */
  public LocalEcsDeployments(
      Supplier<LocalEcsState> source, Supplier<Instant> takenAt, String file, boolean snapshot) {
    this.source = Objects.requireNonNull(source, "source");
    this.takenAt = Objects.requireNonNull(takenAt, "takenAt");
    this.file = Objects.requireNonNull(file, "file");
    this.snapshot = snapshot;
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    return rescan(roleArns, regions);
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions, boolean tasks) {
    return read(roleArns, regions, tasks);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions, boolean tasks) {
    return read(roleArns, regions, tasks);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    return read(roleArns, regions, false);
  }

  /**
   * The scan; with {@code tasks}, a snapshot whose {@code ecs} section does not record task and
   * execution roles ({@code taskRoles}) is unknown: it cannot say that no task uses a role.
   */
  private EcsScan read(Collection<String> roleArns, Collection<String> regions, boolean tasks) {
    LocalEcsState state;
    try {
      state = source.get();
    } catch (TargetException e) {
      return EcsScan.unknown(regions, e.getMessage());
    }
    if (tasks && snapshot && state.present() && !state.taskRoles()) {
      return EcsScan.unknown(regions, file + " does not record which task definitions name task"
          + " and execution roles (its ecs section has no \"taskRoles\": true; rolectl snapshot"
          + " writes it), so it cannot say whether ECS tasks use the role: take the snapshot"
          + " again with this rolectl, or plan against --target aws").asOf(asOf(state));
    }
    if (!state.present() && snapshot) {
      return EcsScan.unknown(
          regions,
          file
              + " has no ecs section, so it does not say which ECS services use the role: take"
              + " the snapshot with 'rolectl snapshot' (it records ECS), add the services to it"
              + " (see docs/account-files.md), or plan against --target aws");
    }
    List<String> covered = covered(state);
    List<String> notScanned =
        snapshot || !state.regions().isEmpty()
            ? regions.stream().filter(r -> covered.stream().noneMatch(r::equalsIgnoreCase)).toList()
            : List.of();
    List<String> scanned = new ArrayList<>(state.regions().isEmpty() && !snapshot ? List.of() : covered);
    regions.stream().filter(r -> scanned.stream().noneMatch(r::equalsIgnoreCase)).forEach(scanned::add);
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    List<String> clusters = new ArrayList<>();
    for (String roleArn : roleArns) {
      List<ServiceUse> found = new ArrayList<>();
      for (LocalEcsState.Cluster cluster : state.clusters()) {
        clusters.add((cluster.region() == null ? "" : cluster.region() + "/") + cluster.name());
        for (LocalEcsState.Service service : cluster.services()) {
          Set<EcsRoleField> fields = DeploymentSignals.fieldsNaming(roleArn, references(service));
          if (!fields.isEmpty()) {
            found.add(
                new ServiceUse(
                    region(cluster, regions),
                    cluster.name(),
                    service.kind() == null ? ServiceUse.SERVICE : service.kind(),
                    service.name(),
                    fields,
                    active(service),
                    source(service, state)));
          }
        }
      }
      uses.put(roleArn, found);
    }
    EcsScan scan =
        new EcsScan(
            scanned,
            clusters,
            uses,
            notScanned.isEmpty()
                ? java.util.Optional.empty()
                : java.util.Optional.of(notCovered(state, notScanned)),
            java.util.Optional.empty());
    return snapshot ? scan.asOf(asOf(state)) : scan;
  }

  /**
   * The regions the file answers for: its {@code ecs.regions}; for a snapshot without them, the
   * regions its clusters name (fail closed: it does not say what else it scanned). Empty for a
   * {@code local:} file without them, which is the whole account.
   */
  private static List<String> covered(LocalEcsState state) {
    if (!state.regions().isEmpty()) {
      return state.regions();
    }
    return state.clusters().stream()
        .map(LocalEcsState.Cluster::region)
        .filter(Objects::nonNull)
        .distinct()
        .toList();
  }

  private String notCovered(LocalEcsState state, List<String> notScanned) {
    String where = String.join(", ", notScanned);
    if (state.regions().isEmpty()) {
      return file
          + " does not list the regions its ECS state covers (ecs.regions) and has no cluster in "
          + where
          + ", so it says nothing about ECS there: take the snapshot with 'rolectl snapshot"
          + " --target aws' (it records the regions it scanned), or plan against --target aws";
    }
    return file
        + " was taken in "
        + String.join(", ", state.regions())
        + " and says nothing about ECS in "
        + where
        + ": take the snapshot in those regions too, or plan against --target aws";
  }

  /** When a snapshot's ECS state was read: {@code ecs.scannedAt}, else the file's {@code TakenAt}. */
  private Instant asOf(LocalEcsState state) {
    return state.scannedAt() != null ? state.scannedAt() : takenAt.get();
  }

  @Override
  public EcsScan inventory(Collection<String> regions) {
    LocalEcsState state;
    try {
      state = source.get();
    } catch (TargetException e) {
      return EcsScan.unknown(regions, e.getMessage());
    }
    Set<String> roles = new LinkedHashSet<>();
    state.clusters().forEach(c -> c.services().forEach(s -> references(s).values().forEach(roles::addAll)));
    return rescan(roles, regions);
  }

  private String source(LocalEcsState.Service service, LocalEcsState state) {
    String what = service.source() == null ? "" : " (" + service.source() + ")";
    if (snapshot) {
      Instant when = asOf(state);
      return "snapshot " + file + (when == null ? " of unknown date" : " taken at " + when) + what;
    }
    return "account file " + file + what;
  }

  private static Map<EcsRoleField, List<String>> references(LocalEcsState.Service service) {
    Map<EcsRoleField, List<String>> refs = new EnumMap<>(EcsRoleField.class);
    service.roleArns().forEach((f, arns) -> refs.put(f, new ArrayList<>(arns)));
    service.loadBalancers().stream()
        .map(LocalEcsState.LoadBalancer::roleArn)
        .filter(Objects::nonNull)
        .forEach(a -> refs.computeIfAbsent(EcsRoleField.LOAD_BALANCER, f -> new ArrayList<>()).add(a));
    return refs;
  }

  private static String region(LocalEcsState.Cluster cluster, Collection<String> regions) {
    if (cluster.region() != null) {
      return cluster.region();
    }
    return regions.isEmpty() ? "default region" : String.join("/", regions);
  }

  /** Active deployments: by service deployment status, else by the Service.deployments[] rule. */
  static List<ActiveDeployment> active(LocalEcsState.Service service) {
    List<ActiveDeployment> byStatus = new ArrayList<>();
    List<ActiveDeployment> serviceDeployments = new ArrayList<>();
    int n = 0;
    for (LocalEcsState.Deployment d : service.deployments()) {
      n++;
      String id = d.id() != null ? d.id() : service.name() + " deployment #" + n;
      String status = d.status() != null ? d.status() : "UNKNOWN";
      ActiveDeployment a =
          new ActiveDeployment(id, status, d.rolloutState(), d.lifecycleStage(), d.startedAt());
      if (DeploymentSignals.isServiceDeploymentsStatus(status)) {
        serviceDeployments.add(a);
      } else if (!DeploymentSignals.isCompletedStatus(status)) {
        byStatus.add(a);
      }
    }
    List<ActiveDeployment> out = new ArrayList<>(byStatus);
    out.addAll(DeploymentSignals.underWay(serviceDeployments));
    out.sort(
        Comparator.comparing(
            ActiveDeployment::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }
}

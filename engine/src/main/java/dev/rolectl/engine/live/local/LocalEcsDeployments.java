package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.TargetException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The {@link EcsDeployments} of an account file's {@code ecs} section ({@link LocalEcsState}), read
 * anew on every scan (files are cheap to read and may change between plan and apply).
 *
 * <p>A service references a role through {@code loadBalancers[].advancedConfiguration.roleArn}. A
 * deployment entry with a {@code Service.deployments[]} status ({@code PRIMARY}, {@code ACTIVE},
 * {@code INACTIVE}) is judged by {@link DeploymentSignals#underWay}; one with a finished service
 * deployment status ({@code SUCCESSFUL}, ...) is over; any other (a pending or ongoing status such
 * as {@code IN_PROGRESS}, a status rolectl does not know, or none) counts as active. A cluster
 * without a {@code region} belongs to every region asked about. A file without an {@code ecs}
 * section is an empty ECS for {@code local:} (the file is the whole account) and unknown for {@code
 * snapshot:} (a snapshot of IAM says nothing about ECS).
 */
public final class LocalEcsDeployments implements EcsDeployments {
  private final Supplier<LocalEcsState> source;
  private final String file;
  private final boolean absentIsUnknown;

  /**
   * @param source reads the file's ECS section (may throw {@link TargetException})
   * @param file names the file in messages
   * @param absentIsUnknown whether a file without an {@code ecs} section leaves ECS unknown
   */
  public LocalEcsDeployments(Supplier<LocalEcsState> source, String file, boolean absentIsUnknown) {
    this.source = Objects.requireNonNull(source, "source");
    this.file = Objects.requireNonNull(file, "file");
    this.absentIsUnknown = absentIsUnknown;
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    return rescan(roleArns, regions);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    LocalEcsState state;
    try {
      state = source.get();
    } catch (TargetException e) {
      return EcsScan.unknown(regions, e.getMessage());
    }
    if (!state.present() && absentIsUnknown) {
      return EcsScan.unknown(
          regions,
          file
              + " has no ecs section, so it does not say which ECS services use the role: add"
              + " the services and their deployments to the snapshot (see docs/account-files.md),"
              + " or plan against --target aws");
    }
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    for (String roleArn : roleArns) {
      List<ServiceUse> found = new ArrayList<>();
      for (LocalEcsState.Cluster cluster : state.clusters()) {
        if (cluster.region() != null && !regions.isEmpty() && !regions.contains(cluster.region())) {
          continue;
        }
        for (LocalEcsState.Service service : cluster.services()) {
          Set<EcsRoleField> fields = DeploymentSignals.fieldsNaming(roleArn, references(service));
          if (!fields.isEmpty()) {
            found.add(
                new ServiceUse(
                    region(cluster, regions),
                    cluster.name(),
                    service.name(),
                    fields,
                    active(service)));
          }
        }
      }
      uses.put(roleArn, found);
    }
    return EcsScan.known(regions, uses);
  }

  private static Map<EcsRoleField, List<String>> references(LocalEcsState.Service service) {
    List<String> arns =
        service.loadBalancers().stream()
            .map(LocalEcsState.LoadBalancer::roleArn)
            .filter(Objects::nonNull)
            .toList();
    return Map.of(EcsRoleField.LOAD_BALANCER, arns);
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

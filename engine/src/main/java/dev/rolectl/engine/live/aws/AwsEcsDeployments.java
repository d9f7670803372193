package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.TargetOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ecs.EcsClient;

/**
 * The {@code aws} adapter of {@link EcsDeployments}. Per region it reads every service once ({@link
 * EcsRegionReader}); for the services that reference an asked-for role it lists the active
 * deployments ({@link EcsDeploymentReader}). Where the endpoint lacks the service-deployments API
 * (emulators), it falls back to {@code Service.deployments[]} ({@link DeploymentSignals#underWay})
 * and remembers that for the region. Failures (access denied, unreachable endpoint) make the scan
 * unknown, with the reason. {@link #scan} answers from what this instance read before; {@link
 * #rescan} reads anew. Thread-safe; ECS clients are made per region on first use.
 */
public final class AwsEcsDeployments implements EcsDeployments, AutoCloseable {
  private final TargetOptions options;
  private final CallCounter counter;
  private final Map<String, EcsClient> clients = new HashMap<>();
  private final Map<String, RegionState> cache = new HashMap<>();
  private final Set<String> withoutDeploymentsApi = new HashSet<>();
  private String defaultRegion;

  public AwsEcsDeployments(TargetOptions options) {
    this(options, new CallCounter());
  }

  AwsEcsDeployments(TargetOptions options, CallCounter counter) {
    this.options = options == null ? TargetOptions.defaults() : options;
    this.counter = counter;
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    return scan(roleArns, regions, false);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    return scan(roleArns, regions, true);
  }

  /** The region scanned when none is asked for: {@code --region}, else the SDK's settings. */
  public synchronized String defaultRegion() {
    if (defaultRegion == null) {
      defaultRegion = AwsClients.region(options).id();
    }
    return defaultRegion;
  }

  private synchronized EcsScan scan(
      Collection<String> roleArns, Collection<String> regions, boolean fresh) {
    List<String> scanned =
        regions.isEmpty() ? List.of(defaultRegion()) : List.copyOf(new LinkedHashSet<>(regions));
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    roleArns.forEach(arn -> uses.put(arn, new ArrayList<>()));
    List<String> unknown = new ArrayList<>();
    for (String region : scanned) {
      RegionState state = fresh ? null : cache.get(region);
      if (state == null) {
        state = read(region);
        cache.put(region, state);
      }
      if (state.unknownReason != null) {
        unknown.add(state.unknownReason);
        continue;
      }
      services:
      for (EcsServiceRecord service : state.services) {
        for (String roleArn : roleArns) {
          Set<EcsRoleField> fields = DeploymentSignals.fieldsNaming(roleArn, service.references());
          if (fields.isEmpty()) {
            continue;
          }
          Optional<List<ActiveDeployment>> active = deployments(region, state, service);
          if (active.isEmpty()) {
            unknown.add(state.unknownReason);
            break services;
          }
          uses.get(roleArn)
              .add(
                  new ServiceUse(
                      region, service.cluster(), service.service(), fields, active.get()));
        }
      }
    }
    if (!unknown.isEmpty()) {
      return new EcsScan(
          scanned, uses, Optional.of(String.join("; ", new LinkedHashSet<>(unknown))));
    }
    return EcsScan.known(scanned, uses);
  }

  private RegionState read(String region) {
    try {
      return new RegionState(new EcsRegionReader(client(region)).read(), null);
    } catch (SdkException e) {
      return new RegionState(
          List.of(), EcsErrors.reason(e, "listing clusters and services", region));
    } catch (IllegalArgumentException e) {
      return new RegionState(
          List.of(),
          "cannot set up the AWS SDK for ECS in "
              + region
              + " ("
              + e.getMessage()
              + "): check"
              + " the region names (settings.ecs.regions, --region)");
    }
  }

  /** The active deployments of a service (cached in the region state), empty when unknown. */
  private Optional<List<ActiveDeployment>> deployments(
      String region, RegionState state, EcsServiceRecord service) {
    List<ActiveDeployment> known = state.deployments.get(service.serviceArn());
    if (known != null) {
      return Optional.of(known);
    }
    List<ActiveDeployment> active;
    if (withoutDeploymentsApi.contains(region)) {
      active = DeploymentSignals.underWay(service.serviceDeployments());
    } else {
      try {
        active = new EcsDeploymentReader(client(region)).active(service);
      } catch (SdkException e) {
        if (!EcsErrors.apiMissing(e)) {
          state.unknownReason = EcsErrors.reason(e, "ListServiceDeployments", region);
          return Optional.empty();
        }
        withoutDeploymentsApi.add(region);
        active = DeploymentSignals.underWay(service.serviceDeployments());
      }
    }
    state.deployments.put(service.serviceArn(), active);
    return Optional.of(active);
  }

  /** Whether the endpoint of the region turned out to lack the service-deployments API. */
  public synchronized boolean usedServiceDeploymentsFallback(String region) {
    return withoutDeploymentsApi.contains(region);
  }

  private EcsClient client(String region) {
    return clients.computeIfAbsent(region, r -> AwsClients.ecs(options, Region.of(r), counter));
  }

  @Override
  public synchronized void close() {
    clients.values().forEach(EcsClient::close);
    clients.clear();
  }

  /** What one region held when it was read. */
  private static final class RegionState {
    final List<EcsServiceRecord> services;
    final Map<String, List<ActiveDeployment>> deployments = new HashMap<>();
    String unknownReason;

    RegionState(List<EcsServiceRecord> services, String unknownReason) {
      this.services = List.copyOf(services);
      this.unknownReason = unknownReason;
    }
  }
}

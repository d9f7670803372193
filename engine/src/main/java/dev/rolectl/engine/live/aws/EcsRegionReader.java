package dev.rolectl.engine.live.aws;

import static dev.rolectl.engine.live.aws.EcsReadException.call;

import dev.rolectl.engine.live.aws.EcsInventory.CapacityProviderRecord;
import dev.rolectl.engine.live.aws.EcsInventory.GatewayRecord;
import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.CapacityProvider;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.DescribeCapacityProvidersResponse;
import software.amazon.awssdk.services.ecs.model.Gateway;
import software.amazon.awssdk.services.ecs.model.GatewaySummary;
import software.amazon.awssdk.services.ecs.model.ListGatewaysResponse;
import software.amazon.awssdk.services.ecs.model.ResourceNotFoundException;
import software.amazon.awssdk.services.ecs.model.Service;

/**
 * Reads what one region holds ({@link EcsInventory}): {@code ListClusters} (100 a page); per
 * cluster {@code ListServices} (100 a page), {@code DescribeServices} (10 a call), {@code
 * DescribeCapacityProviders} with the cluster (10 a page; Managed Instances capacity providers are
 * cluster-scoped) and, per capacity provider with an infrastructure role, its daemons' deployments
 * ({@link EcsDaemons}); {@code DescribeExpressGatewayService} for each ECS-managed service; {@code
 * ListGateways} (100 a page) and {@code DescribeGateway} per gateway. For C clusters, S services, E
 * Express services, M Managed Instances capacity providers with d daemons and G gateways, with no
 * more than a page each: {@code 1 + C + ceil(S/10) + C + M + d + E + 1 + G} calls. An endpoint or region that positively lacks gateways or capacity providers
 * ({@link EcsErrors#featureAbsent}) has none; any other failure is an {@link EcsReadException}.
 */
final class EcsRegionReader {
  static final int PAGE = 100;
  static final int DESCRIBE_BATCH = 10;
  static final int CAPACITY_PROVIDER_PAGE = 10;

  private final EcsClient ecs;

  EcsRegionReader(EcsClient ecs) {
    this.ecs = ecs;
  }

  EcsInventory read() {
    List<String> clusters =
        call(
            "ListClusters",
            () -> {
              List<String> out = new ArrayList<>();
              ecs.listClustersPaginator(r -> r.maxResults(PAGE)).clusterArns().forEach(out::add);
              return out;
            });
    List<EcsServiceRecord> services = new ArrayList<>();
    List<CapacityProviderRecord> providers = new ArrayList<>();
    for (String cluster : clusters) {
      try {
        services.addAll(services(cluster));
        providers.addAll(capacityProviders(cluster));
      } catch (EcsReadException e) {
        if (!(e.failure instanceof ClusterNotFoundException)) {
          throw e;
        }
        // the cluster went away between the calls: it has nothing
      }
    }
    return new EcsInventory(clusters, services, providers, gateways());
  }

  private List<EcsServiceRecord> services(String cluster) {
    List<String> arns =
        call(
            "ListServices",
            () -> {
              List<String> out = new ArrayList<>();
              ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(PAGE))
                  .serviceArns()
                  .forEach(out::add);
              return out;
            });
    List<EcsServiceRecord> out = new ArrayList<>();
    for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
      List<String> batch = arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH));
      List<Service> described =
          call(
              "DescribeServices",
              () -> ecs.describeServices(r -> r.cluster(cluster).services(batch)).services());
      for (Service s : described) {
        if (!"INACTIVE".equals(s.status())) {
          out.add(EcsServices.record(cluster, s, expressRole(s)));
        }
      }
    }
    return out;
  }

  /** The infrastructure role of an Express gateway service (ECS-managed services only). */
  private String expressRole(Service s) {
    if (!"ECS".equals(s.resourceManagementTypeAsString()) || s.serviceArn() == null) {
      return null;
    }
    try {
      return call(
          "DescribeExpressGatewayService",
          () ->
              ecs.describeExpressGatewayService(r -> r.serviceArn(s.serviceArn()))
                  .service()
                  .infrastructureRoleArn());
    } catch (EcsReadException e) {
      if (e.failure instanceof ResourceNotFoundException) {
        return null; // ECS-managed, but not an Express gateway service
      }
      throw e;
    }
  }

  private List<CapacityProviderRecord> capacityProviders(String cluster) {
    List<CapacityProviderRecord> out = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      DescribeCapacityProvidersResponse page;
      try {
        page =
            ecs.describeCapacityProviders(
                r -> r.cluster(cluster).maxResults(CAPACITY_PROVIDER_PAGE).nextToken(next));
      } catch (SdkException e) {
        if (EcsErrors.featureAbsent(e)) {
          return out;
        }
        throw new EcsReadException("DescribeCapacityProviders", e);
      }
      for (CapacityProvider cp : page.capacityProviders()) {
        if (cp.managedInstancesProvider() != null
            && cp.managedInstancesProvider().infrastructureRoleArn() != null) {
          out.add(
              new CapacityProviderRecord(
                  cluster,
                  EcsServices.name(cluster),
                  cp.name(),
                  cp.managedInstancesProvider().infrastructureRoleArn(),
                  cp.statusAsString(),
                  cp.updateStatusAsString(),
                  EcsDaemons.deploying(
                      ecs, cp.capacityProviderArn() != null ? cp.capacityProviderArn() : cp.name())));
        }
      }
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    return out;
  }

  private List<GatewayRecord> gateways() {
    List<GatewaySummary> summaries = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListGatewaysResponse page;
      try {
        page = ecs.listGateways(r -> r.maxResults(PAGE).nextToken(next));
      } catch (SdkException e) {
        if (EcsErrors.featureAbsent(e)) {
          return List.of();
        }
        throw new EcsReadException("ListGateways", e);
      }
      summaries.addAll(page.gateways());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    List<GatewayRecord> out = new ArrayList<>();
    for (GatewaySummary g : summaries) {
      if ("DELETED".equals(g.statusAsString())) {
        continue;
      }
      String id = g.gatewayArn() != null ? g.gatewayArn() : g.name();
      Gateway gw = call("DescribeGateway", () -> ecs.describeGateway(r -> r.gateway(id)).gateway());
      if (gw != null && gw.infrastructureRoleArn() != null) {
        out.add(
            new GatewayRecord(
                gw.name() != null ? gw.name() : EcsServices.name(id),
                gw.infrastructureRoleArn(),
                gw.statusAsString()));
      }
    }
    return out;
  }
}

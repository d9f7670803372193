package dev.rolectl.engine.live.aws;

import java.util.List;

/**
 * What one region held when {@link EcsRegionReader} read it: its clusters, services, Managed
 * Instances capacity providers and gateways.
 */
record EcsInventory(
    List<String> clusterArns,
    List<EcsServiceRecord> services,
    List<CapacityProviderRecord> capacityProviders,
    List<GatewayRecord> gateways) {

  EcsInventory {
    clusterArns = List.copyOf(clusterArns);
    services = List.copyOf(services);
    capacityProviders = List.copyOf(capacityProviders);
    gateways = List.copyOf(gateways);
  }

  /**
   * A capacity provider with an infrastructure role ({@code
   * managedInstancesProvider.infrastructureRoleArn}).
   *
   * @param status {@code PROVISIONING}, {@code ACTIVE}, {@code DEPROVISIONING}, {@code INACTIVE}
   * @param updateStatus e.g. {@code UPDATE_IN_PROGRESS}; {@code null} when absent
   * @param daemonDeployments deployments of daemons on it that are not known to be finished
   */
  record CapacityProviderRecord(
      String clusterArn,
      String cluster,
      String name,
      String roleArn,
      String status,
      String updateStatus,
      List<dev.rolectl.engine.live.ActiveDeployment> daemonDeployments) {

    CapacityProviderRecord {
      daemonDeployments = List.copyOf(daemonDeployments);
    }

    /** Whether ECS is changing it now: provisioning, deprovisioning, or an update in progress. */
    boolean changing() {
      return (status != null && !status.equals("ACTIVE") && !status.equals("INACTIVE"))
          || (updateStatus != null && updateStatus.endsWith("_IN_PROGRESS"));
    }

    String state() {
      return status + (updateStatus == null ? "" : ", " + updateStatus);
    }
  }

  /**
   * A gateway ({@code DescribeGateway}).
   *
   * @param status {@code ACTIVE}, {@code UPDATE_IN_PROGRESS}, ...
   */
  record GatewayRecord(String name, String roleArn, String status) {
    /** Whether ECS is changing it now (an update in progress, or a status rolectl does not know). */
    boolean changing() {
      return status == null
          || !(status.equals("ACTIVE")
              || status.equals("UPDATE_COMPLETE")
              || status.equals("UPDATE_FAILED")
              || status.equals("DELETED"));
    }
  }
}

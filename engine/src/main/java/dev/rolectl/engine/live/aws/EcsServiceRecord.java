package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ECS service as read by {@link EcsRegionReader}: where it names roles, and what its {@code
 * Service.deployments[]} say (the fallback signal).
 *
 * @param references field to the role ARNs named there (fields naming none are absent)
 * @param serviceDeployments every entry of {@code Service.deployments[]}
 */
record EcsServiceRecord(
    String clusterArn,
    String cluster,
    String serviceArn,
    String service,
    Map<EcsRoleField, Set<String>> references,
    List<ActiveDeployment> serviceDeployments) {

  EcsServiceRecord {
    references = Map.copyOf(references);
    serviceDeployments = List.copyOf(serviceDeployments);
  }
}

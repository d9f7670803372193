package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import dev.rolectl.engine.live.EcsRoleField;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One ECS service as read by {@link EcsRegionReader}: where it names roles, which capacity
 * providers it may run on, and what its {@code Service.deployments[]} say.
 *
 * @param references field to the role ARNs named there (fields naming none are absent)
 * @param serviceDeployments every entry of {@code Service.deployments[]} (the fallback signal)
 * @param capacityProviders the capacity providers its strategy (or a deployment's) names
 * @param mayUseClusterDefault whether it names no capacity provider and no launch type other than
 *     {@code MANAGED_INSTANCES}, so it may run on the cluster's default capacity providers
 * @param currentRevisions how many service revisions run tasks now ({@code
 *     currentServiceRevisions}); more than one means a deployment is moving tasks
 * @param taskDefinitions the task definitions it runs: its own, those of its deployments that are
 *     not {@code INACTIVE}, and those of its task sets
 */
record EcsServiceRecord(
    String clusterArn,
    String cluster,
    String serviceArn,
    String service,
    Map<EcsRoleField, Set<String>> references,
    List<ActiveDeployment> serviceDeployments,
    Set<String> capacityProviders,
    boolean mayUseClusterDefault,
    int currentRevisions,
    Set<String> taskDefinitions) {

  EcsServiceRecord {
    references = Map.copyOf(references);
    serviceDeployments = List.copyOf(serviceDeployments);
    capacityProviders = Set.copyOf(capacityProviders);
    taskDefinitions = Set.copyOf(taskDefinitions);
  }

  /** Whether it may run tasks on the named capacity provider. */
  boolean mayRunOn(String capacityProvider) {
    return mayUseClusterDefault || capacityProviders.contains(capacityProvider);
  }

  /**
   * Whether its deployments must be read: it names some infrastructure role now (a deployment may
   * move it from another role), or {@code Service.deployments[]} or {@code
   * currentServiceRevisions} show a change under way (a revision being replaced may name a role).
   */
  boolean needsDeployments() {
    return !references.isEmpty()
        || currentRevisions > 1
        || !DeploymentSignals.underWay(serviceDeployments).isEmpty();
  }
}

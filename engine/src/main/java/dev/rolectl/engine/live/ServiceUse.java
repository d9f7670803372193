package dev.rolectl.engine.live;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ECS service that references a role as an infrastructure role.
 *
 * @param region the region of the service
 * @param cluster the cluster name
 * @param service the service name
 * @param fields where the service names the role (at least one), in {@link EcsRoleField} order
 * @param activeDeployments deployments of the service that are pending or under way, oldest first;
 *     empty when none is
 */
public record ServiceUse(
    String region,
    String cluster,
    String service,
    Set<EcsRoleField> fields,
    List<ActiveDeployment> activeDeployments) {

  public ServiceUse {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(service, "service");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(
          service + ": a service use needs the field that names the role");
    }
    fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
    activeDeployments = List.copyOf(activeDeployments);
  }

  /** Whether a deployment of the service is pending or under way. */
  public boolean deploying() {
    return !activeDeployments.isEmpty();
  }

  /** E.g. {@code service web (cluster prod, us-east-1)}. */
  public String describe() {
    return "service " + service + " (cluster " + cluster + ", " + region + ")";
  }
}

package dev.rolectl.engine.live;

import java.util.Collection;

/**
 * The port for asking ECS which services use IAM roles as infrastructure roles, and whether a
 * deployment of such a service is under way (DESIGN §6). Adapters: {@code aws} (SDK v2), and the
 * {@code ecs} section of {@code local:} and {@code snapshot:} account files.
 *
 * <p>Trouble reading ECS (access denied, no endpoint, no network, a snapshot without ECS state) is
 * not an exception: it comes back as an {@link EcsScan} with an {@linkplain EcsScan#unknownReason()
 * unknown reason}, and the safety rules fail closed on it.
 *
 * <p>A service references a role when one of its {@link EcsRoleField}s names it; role ARNs are
 * compared with {@link RoleArns#sameRole}.
 */
public interface EcsDeployments {

  /**
   * Which ECS services reference each role, with their active deployments. An adapter reads each
   * region at most once during its life (one run of rolectl) and answers later scans from that.
   *
   * @param roleArns the roles to look for
   * @param regions the regions to look in; empty for the adapter's default region
   */
  EcsScan scan(Collection<String> roleArns, Collection<String> regions);

  /**
   * Like {@link #scan}, but reads ECS anew: for the re-check right before a disruptive call, and
   * for waiting until deployments finish.
   */
  EcsScan rescan(Collection<String> roleArns, Collection<String> regions);
}

package dev.rolectl.engine.live;

import java.util.Collection;

/**
 * The port for asking ECS which resources use IAM roles as infrastructure roles, and whether a
 * deployment that uses one is under way (docs/safety.md). Adapters: {@code aws} (SDK v2), and the
 * {@code ecs} section of {@code local:} and {@code snapshot:} account files.
 *
 * <p>Trouble reading ECS (access denied, no endpoint, a server error, the enabled regions unknown,
 * a snapshot without ECS state) is not an exception: it comes back as an {@link EcsScan} with an
 * {@linkplain EcsScan#reason() unknown reason}, and the safety rules fail closed on it.
 *
 * <p>A resource uses a role when one of its {@link EcsRoleField}s names it; role ARNs are compared
 * with {@link RoleArns#sameRole}.
 */
public interface EcsDeployments {

  /**
   * Which ECS resources use each role, with what is under way. An adapter reads each region at
   * most once during its life (one run of rolectl) and answers later scans from that.
   *
   * @param roleArns the roles to look for
   * @param regions regions to look in besides every region enabled for the account (for account
   *     files: every region the file describes), which are always looked in: named regions add to
   *     a scan, never narrow it. When the enabled regions cannot be read, only these are looked in
   *     and the scan says so ({@link EcsScan#partial()}); without any, the scan is unknown
   */
  EcsScan scan(Collection<String> roleArns, Collection<String> regions);

  /**
   * Like {@link #scan}, but reads ECS anew: for the re-check right before a disruptive call, and
   * for waiting until deployments finish. Nothing learnt by an earlier read (e.g. that an endpoint
   * lacks an API) is carried over.
   */
  EcsScan rescan(Collection<String> roleArns, Collection<String> regions);

  /**
   * Like {@link #scan}; with {@code taskRoles}, also which task definitions in use name the roles
   * as task or execution roles ({@link EcsRoleField#taskRole()}: the deployments of services, the
   * running tasks, the daemons), which costs more calls. Adapters whose state holds both (account
   * files) answer both either way.
   */
  default EcsScan scan(Collection<String> roleArns, Collection<String> regions, boolean taskRoles) {
    return scan(roleArns, regions);
  }

  /** Like {@link #rescan}, with task and execution roles as for {@link #scan(Collection, Collection, boolean)}. */
  default EcsScan rescan(Collection<String> roleArns, Collection<String> regions, boolean taskRoles) {
    return rescan(roleArns, regions);
  }

  /**
   * Every role that some ECS resource uses, read anew: for {@code rolectl snapshot}. The scan's
   * {@link EcsScan#uses()} is keyed by the role ARNs as ECS names them.
   *
   * @param regions the regions to look in (only those: a snapshot records them); empty for every
   *     region enabled for the account
   */
  EcsScan inventory(Collection<String> regions);
}

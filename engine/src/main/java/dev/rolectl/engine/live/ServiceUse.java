package dev.rolectl.engine.live;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ECS resource that uses a role: as an infrastructure role, a service (through its own
 * configuration, or the service revisions of a deployment that is not finished), a capacity
 * provider, or a gateway; as a task or execution role, a service (the task definitions of its
 * deployments), a task that runs outside services, or a daemon.
 *
 * @param region the region of the resource
 * @param cluster the cluster name; {@code "-"} for resources outside clusters (gateways)
 * @param kind {@link #SERVICE}, {@link #CAPACITY_PROVIDER}, {@link #GATEWAY}, {@link #TASK} or
 *     {@link #DAEMON}
 * @param service the resource's name
 * @param fields where the resource names the role (at least one), in {@link EcsRoleField} order
 * @param activeDeployments what is under way: deployments that are not known to be finished
 *     (oldest first), or a capacity provider's or gateway's change in progress; empty when none
 * @param source what decided {@code activeDeployments}, e.g. {@code ListServiceDeployments} or
 *     {@code Service.deployments[] (fallback: ...)}; named in every verdict
 */
public record ServiceUse(
    String region,
    String cluster,
    String kind,
    String service,
    Set<EcsRoleField> fields,
    List<ActiveDeployment> activeDeployments,
    String source) {

  public static final String SERVICE = "service";
  public static final String CAPACITY_PROVIDER = "capacity provider";
  public static final String GATEWAY = "gateway";
  /** A task that runs outside a service (e.g. RunTask, a scheduled task). */
  public static final String TASK = "task";
  public static final String DAEMON = "daemon";

  public ServiceUse {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(cluster, "cluster");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(service, "service");
    Objects.requireNonNull(source, "source");
    if (fields.isEmpty()) {
      throw new IllegalArgumentException(
          service + ": a service use needs the field that names the role");
    }
    fields = Collections.unmodifiableSet(EnumSet.copyOf(fields));
    activeDeployments = List.copyOf(activeDeployments);
  }

  /** Whether it names the role as a task or execution role ({@link EcsRoleField#taskRole()}). */
  public boolean asTaskRole() {
    return fields.stream().anyMatch(EcsRoleField::taskRole);
  }

  /** Whether it names the role as an infrastructure role. */
  public boolean asInfrastructureRole() {
    return fields.stream().anyMatch(f -> !f.taskRole());
  }

  /**
   * The same use with only its task-role fields ({@code taskRoles}) or only its
   * infrastructure-role fields; empty when it has none of them.
   */
  public java.util.Optional<ServiceUse> only(boolean taskRoles) {
    Set<EcsRoleField> kept = EnumSet.noneOf(EcsRoleField.class);
    fields.stream().filter(f -> f.taskRole() == taskRoles).forEach(kept::add);
    return kept.isEmpty()
        ? java.util.Optional.empty()
        : java.util.Optional.of(
            new ServiceUse(region, cluster, kind, service, kept, activeDeployments, source));
  }

  /** Whether something that uses the role is pending or under way. */
  public boolean deploying() {
    return !activeDeployments.isEmpty();
  }

  /** E.g. {@code service web (cluster prod, us-east-1)} or {@code gateway edge (us-east-1)}. */
  public String describe() {
    return kind
        + " "
        + service
        + " ("
        + (cluster.equals("-") ? "" : "cluster " + cluster + ", ")
        + region
        + ")";
  }
}

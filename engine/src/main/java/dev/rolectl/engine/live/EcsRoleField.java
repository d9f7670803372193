package dev.rolectl.engine.live;

import dev.rolectl.engine.model.EcsInfrastructure;
import java.util.Optional;

/**
 * The places where ECS names a role that it uses (reference/aws-facts.md, checked against
 * botocore's {@code ecs/2014-11-13/service-2.json}; docs/safety.md lists every role field of the
 * model with the verdict it gets): infrastructure roles on a service, on the service revisions of
 * its deployments, and on the ECS resources outside services that have one; and the task and
 * execution roles of the task definitions in use ({@link #taskRole()}).
 */
public enum EcsRoleField {
  /** Blue/green, linear and canary deployments behind a load balancer. */
  LOAD_BALANCER("loadBalancers[].advancedConfiguration.roleArn", EcsInfrastructure.LOAD_BALANCERS),
  /** VPC Lattice, on the service's deployments. */
  VPC_LATTICE("deployments[].vpcLatticeConfigurations[].roleArn", EcsInfrastructure.VPC_LATTICE),
  /** Amazon EBS volumes managed by ECS, on the service's deployments. */
  EBS_VOLUME(
      "deployments[].volumeConfigurations[].managedEBSVolume.roleArn", EcsInfrastructure.VOLUMES),
  /** Service Connect TLS, on the service's deployments. */
  SERVICE_CONNECT_TLS(
      "deployments[].serviceConnectConfiguration.services[].tls.roleArn",
      EcsInfrastructure.SERVICE_CONNECT_TLS),
  /** Deployment lifecycle hooks (the role ECS uses to call the hook target). */
  LIFECYCLE_HOOK("deploymentConfiguration.lifecycleHooks[].roleArn", null),
  /**
   * A source or target service revision of a deployment that is not finished ({@code
   * DescribeServiceRevisions}): its {@code loadBalancers[].advancedConfiguration.roleArn}, {@code
   * vpcLatticeConfigurations[].roleArn}, {@code volumeConfigurations[].managedEBSVolume.roleArn} or
   * {@code serviceConnectConfiguration.services[].tls.roleArn}.
   */
  SERVICE_REVISION("serviceDeployment.sourceServiceRevisions/targetServiceRevision", null),
  /** An Express gateway service ({@code DescribeExpressGatewayService}). */
  EXPRESS_GATEWAY_SERVICE("ECSExpressGatewayService.infrastructureRoleArn", null),
  /** A Managed Instances capacity provider ({@code DescribeCapacityProviders}). */
  CAPACITY_PROVIDER(
      "CapacityProvider.managedInstancesProvider.infrastructureRoleArn",
      EcsInfrastructure.MANAGED_INSTANCES),
  /** A service whose tasks run on a capacity provider that names the role. */
  ON_CAPACITY_PROVIDER(
      "capacityProviderStrategy[] -> managedInstancesProvider.infrastructureRoleArn",
      EcsInfrastructure.MANAGED_INSTANCES),
  /** An ECS gateway ({@code DescribeGateway}). */
  GATEWAY("Gateway.infrastructureRoleArn", null),
  /**
   * The legacy service role ({@code Service.roleArn}): ECS registers and deregisters the
   * service's tasks with its load balancer with it. Judged like an infrastructure role.
   */
  SERVICE_ROLE("Service.roleArn", null),
  /**
   * The task role of a task definition in use: that of a service's deployment that is not {@code
   * INACTIVE} or of a task set, or of a running task ({@code DescribeTaskDefinition}). The tasks
   * get its credentials while they run.
   */
  TASK_ROLE("taskDefinition.taskRoleArn", null, true),
  /**
   * The execution role of a task definition in use: ECS pulls images, reads secrets and sends
   * logs with it; without it new tasks fail to start ({@code ResourceInitializationError}).
   */
  EXECUTION_ROLE("taskDefinition.executionRoleArn", null, true),
  /** A running task's own {@code overrides.taskRoleArn} ({@code DescribeTasks}). */
  TASK_OVERRIDE_TASK_ROLE("overrides.taskRoleArn", null, true),
  /** A running task's own {@code overrides.executionRoleArn} ({@code DescribeTasks}). */
  TASK_OVERRIDE_EXECUTION_ROLE("overrides.executionRoleArn", null, true),
  /** The task role of a daemon's task definition ({@code DescribeDaemonTaskDefinition}). */
  DAEMON_TASK_ROLE("daemonTaskDefinition.taskRoleArn", null, true),
  /** The execution role of a daemon's task definition ({@code DescribeDaemonTaskDefinition}). */
  DAEMON_EXECUTION_ROLE("daemonTaskDefinition.executionRoleArn", null, true);

  private final String path;
  private final EcsInfrastructure kind;
  private final boolean taskRole;

  EcsRoleField(String path, EcsInfrastructure kind) {
    this(path, kind, false);
  }

  EcsRoleField(String path, EcsInfrastructure kind, boolean taskRole) {
    this.path = path;
    this.kind = kind;
    this.taskRole = taskRole;
  }

  /**
   * Whether the field names a role that tasks use ({@code ecs-tasks.amazonaws.com} assumes it):
   * a task or execution role; else it names an infrastructure role ({@code ecs.amazonaws.com}).
   */
  public boolean taskRole() {
    return taskRole;
  }

  /** Where in the ECS API output the role is named. */
  public String path() {
    return path;
  }

  /** The infrastructure-role kind whose managed policy a role named here needs, if any. */
  public Optional<EcsInfrastructure> kind() {
    return Optional.ofNullable(kind);
  }

  /** The field with this path, if any (for account files). */
  public static Optional<EcsRoleField> fromPath(String path) {
    for (EcsRoleField f : values()) {
      if (f.path.equals(path) || f.name().equals(path)) {
        return Optional.of(f);
      }
    }
    return Optional.empty();
  }
}

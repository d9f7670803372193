package dev.rolectl.engine.live;

import dev.rolectl.engine.model.EcsInfrastructure;
import java.util.Optional;

/**
 * The places where ECS names an infrastructure role (reference/aws-facts.md, checked against
 * botocore's {@code ecs/2014-11-13/service-2.json}): on a service, on the service revisions of its
 * deployments, and on the ECS resources outside services that have an infrastructure role.
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
  GATEWAY("Gateway.infrastructureRoleArn", null);

  private final String path;
  private final EcsInfrastructure kind;

  EcsRoleField(String path, EcsInfrastructure kind) {
    this.path = path;
    this.kind = kind;
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

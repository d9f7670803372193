package dev.rolectl.engine.live;

import dev.rolectl.engine.model.EcsInfrastructure;
import java.util.Optional;

/** The places where an ECS service names an infrastructure role (reference/aws-facts.md). */
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
  LIFECYCLE_HOOK("deploymentConfiguration.lifecycleHooks[].roleArn", null);

  private final String path;
  private final EcsInfrastructure kind;

  EcsRoleField(String path, EcsInfrastructure kind) {
    this.path = path;
    this.kind = kind;
  }

  /** Where in {@code DescribeServices} output the role is named. */
  public String path() {
    return path;
  }

  /** The infrastructure-role kind whose managed policy a role named here needs, if any. */
  public Optional<EcsInfrastructure> kind() {
    return Optional.ofNullable(kind);
  }
}

package dev.rolectl.engine.model;

import java.util.Optional;

/**
 * The ECS infrastructure-role purpose a role declares with {@code ecsInfrastructure:}. Each names
 * the AWS managed policy such a role needs; lint and the safety rules use it.
 */
public enum EcsInfrastructure {
  LOAD_BALANCERS("loadBalancers", "AmazonECSInfrastructureRolePolicyForLoadBalancers"),
  VPC_LATTICE("vpcLattice", "AmazonECSInfrastructureRolePolicyForVpcLattice"),
  VOLUMES("volumes", "AmazonECSInfrastructureRolePolicyForVolumes"),
  SERVICE_CONNECT_TLS(
      "serviceConnectTls", "AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity"),
  MANAGED_INSTANCES("managedInstances", "AmazonECSInfrastructureRolePolicyForManagedInstances");

  private final String yamlName;
  private final String managedPolicyName;

  EcsInfrastructure(String yamlName, String managedPolicyName) {
    this.yamlName = yamlName;
    this.managedPolicyName = managedPolicyName;
  }

  public String yamlName() {
    return yamlName;
  }

  /** The AWS managed policy this kind of role must have attached. */
  public String managedPolicyName() {
    return managedPolicyName;
  }

  /** The managed policy ARN in the given partition. */
  public String managedPolicyArn(String partition) {
    return "arn:" + partition + ":iam::aws:policy/" + managedPolicyName;
  }

  public static Optional<EcsInfrastructure> fromYaml(String value) {
    for (EcsInfrastructure e : values()) {
      if (e.yamlName.equals(value)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}

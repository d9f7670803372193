package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.model.CapacityProviderStrategyItem;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectConfiguration;
import software.amazon.awssdk.services.ecs.model.ServiceConnectService;
import software.amazon.awssdk.services.ecs.model.ServiceRevision;
import software.amazon.awssdk.services.ecs.model.ServiceVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.VpcLatticeConfiguration;

/** Where services and service revisions name infrastructure roles (SDK shapes to our records). */
final class EcsServices {
  private EcsServices() {}

  static EcsServiceRecord record(String clusterArn, Service s, String expressRoleArn) {
    Map<EcsRoleField, Set<String>> refs = new EnumMap<>(EcsRoleField.class);
    for (LoadBalancer lb : s.loadBalancers()) {
      if (lb.advancedConfiguration() != null) {
        add(refs, EcsRoleField.LOAD_BALANCER, lb.advancedConfiguration().roleArn());
      }
    }
    if (s.deploymentConfiguration() != null) {
      for (DeploymentLifecycleHook hook : s.deploymentConfiguration().lifecycleHooks()) {
        add(refs, EcsRoleField.LIFECYCLE_HOOK, hook.roleArn());
      }
    }
    add(refs, EcsRoleField.EXPRESS_GATEWAY_SERVICE, expressRoleArn);
    add(refs, EcsRoleField.SERVICE_ROLE, s.roleArn());
    Set<String> providers = new TreeSet<>();
    strategy(s.capacityProviderStrategy(), providers);
    List<ActiveDeployment> deployments = new ArrayList<>();
    Set<String> taskDefinitions = new TreeSet<>();
    addIfSet(taskDefinitions, s.taskDefinition());
    s.taskSets().forEach(t -> addIfSet(taskDefinitions, t.taskDefinition()));
    for (Deployment d : s.deployments()) {
      deployments.add(
          new ActiveDeployment(
              d.id() == null ? "(no id)" : d.id(),
              d.status() == null ? "UNKNOWN" : d.status(),
              d.rolloutStateAsString(),
              null,
              d.createdAt()));
      if ("INACTIVE".equals(d.status())) {
        continue; // an old deployment's configuration is no longer in use
      }
      addIfSet(taskDefinitions, d.taskDefinition());
      strategy(d.capacityProviderStrategy(), providers);
      vpcLattice(refs, EcsRoleField.VPC_LATTICE, d.vpcLatticeConfigurations());
      volumes(refs, EcsRoleField.EBS_VOLUME, d.volumeConfigurations());
      serviceConnect(refs, EcsRoleField.SERVICE_CONNECT_TLS, d.serviceConnectConfiguration());
    }
    String launchType = s.launchTypeAsString();
    boolean clusterDefault =
        providers.isEmpty() && (launchType == null || launchType.equals("MANAGED_INSTANCES"));
    return new EcsServiceRecord(
        clusterArn,
        name(s.clusterArn() != null ? s.clusterArn() : clusterArn),
        s.serviceArn(),
        s.serviceName(),
        refs,
        deployments,
        providers,
        clusterDefault,
        s.currentServiceRevisions().size(),
        taskDefinitions);
  }

  private static void addIfSet(Set<String> out, String value) {
    if (value != null && !value.isBlank()) {
      out.add(value);
    }
  }

  /** Every role ARN a service revision names as an infrastructure role. */
  static Set<String> roles(ServiceRevision r) {
    Map<EcsRoleField, Set<String>> refs = new EnumMap<>(EcsRoleField.class);
    for (LoadBalancer lb : r.loadBalancers()) {
      if (lb.advancedConfiguration() != null) {
        add(refs, EcsRoleField.SERVICE_REVISION, lb.advancedConfiguration().roleArn());
      }
    }
    vpcLattice(refs, EcsRoleField.SERVICE_REVISION, r.vpcLatticeConfigurations());
    volumes(refs, EcsRoleField.SERVICE_REVISION, r.volumeConfigurations());
    serviceConnect(refs, EcsRoleField.SERVICE_REVISION, r.serviceConnectConfiguration());
    return refs.getOrDefault(EcsRoleField.SERVICE_REVISION, Set.of());
  }

  private static void strategy(List<CapacityProviderStrategyItem> items, Set<String> out) {
    items.forEach(i -> out.add(name(i.capacityProvider())));
  }

  private static void vpcLattice(
      Map<EcsRoleField, Set<String>> refs, EcsRoleField f, List<VpcLatticeConfiguration> list) {
    list.forEach(v -> add(refs, f, v.roleArn()));
  }

  private static void volumes(
      Map<EcsRoleField, Set<String>> refs, EcsRoleField f, List<ServiceVolumeConfiguration> list) {
    for (ServiceVolumeConfiguration v : list) {
      if (v.managedEBSVolume() != null) {
        add(refs, f, v.managedEBSVolume().roleArn());
      }
    }
  }

  private static void serviceConnect(
      Map<EcsRoleField, Set<String>> refs, EcsRoleField f, ServiceConnectConfiguration sc) {
    if (sc == null) {
      return;
    }
    for (ServiceConnectService s : sc.services()) {
      if (s.tls() != null) {
        add(refs, f, s.tls().roleArn());
      }
    }
  }

  private static void add(Map<EcsRoleField, Set<String>> refs, EcsRoleField field, String arn) {
    if (arn != null && !arn.isBlank()) {
      refs.computeIfAbsent(field, f -> new TreeSet<>()).add(arn);
    }
  }

  /** The last part of an ARN ({@code arn:aws:ecs:r:1:cluster/prod} gives {@code prod}). */
  static String name(String arn) {
    return arn == null ? "" : arn.substring(arn.lastIndexOf('/') + 1);
  }
}

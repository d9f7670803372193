package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ClusterNotFoundException;
import software.amazon.awssdk.services.ecs.model.Deployment;
import software.amazon.awssdk.services.ecs.model.DeploymentLifecycleHook;
import software.amazon.awssdk.services.ecs.model.LoadBalancer;
import software.amazon.awssdk.services.ecs.model.Service;
import software.amazon.awssdk.services.ecs.model.ServiceConnectService;
import software.amazon.awssdk.services.ecs.model.ServiceVolumeConfiguration;
import software.amazon.awssdk.services.ecs.model.VpcLatticeConfiguration;

/**
 * Reads every ECS service of one region: {@code ListClusters} (100 a page), {@code ListServices}
 * per cluster (100 a page), {@code DescribeServices} (10 a call). For C clusters and S services:
 * {@code ceil(C/100) + C + ceil(S/100) + ceil(S/10)} calls (at most; clusters without services cost
 * one {@code ListServices}).
 */
final class EcsRegionReader {
  static final int PAGE = 100;
  static final int DESCRIBE_BATCH = 10;

  private final EcsClient ecs;

  EcsRegionReader(EcsClient ecs) {
    this.ecs = ecs;
  }

  List<EcsServiceRecord> read() {
    List<String> clusters = new ArrayList<>();
    ecs.listClustersPaginator(r -> r.maxResults(PAGE)).clusterArns().forEach(clusters::add);
    List<EcsServiceRecord> out = new ArrayList<>();
    for (String cluster : clusters) {
      try {
        List<String> services = new ArrayList<>();
        ecs.listServicesPaginator(r -> r.cluster(cluster).maxResults(PAGE))
            .serviceArns()
            .forEach(services::add);
        for (int i = 0; i < services.size(); i += DESCRIBE_BATCH) {
          List<String> batch = services.subList(i, Math.min(services.size(), i + DESCRIBE_BATCH));
          for (Service s :
              ecs.describeServices(r -> r.cluster(cluster).services(batch)).services()) {
            if (!"INACTIVE".equals(s.status())) {
              out.add(record(cluster, s));
            }
          }
        }
      } catch (ClusterNotFoundException deletedMeanwhile) {
        // the cluster went away between the calls: it has no services
      }
    }
    return out;
  }

  static EcsServiceRecord record(String clusterArn, Service s) {
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
    List<ActiveDeployment> deployments = new ArrayList<>();
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
      for (VpcLatticeConfiguration v : d.vpcLatticeConfigurations()) {
        add(refs, EcsRoleField.VPC_LATTICE, v.roleArn());
      }
      for (ServiceVolumeConfiguration v : d.volumeConfigurations()) {
        if (v.managedEBSVolume() != null) {
          add(refs, EcsRoleField.EBS_VOLUME, v.managedEBSVolume().roleArn());
        }
      }
      if (d.serviceConnectConfiguration() != null) {
        for (ServiceConnectService sc : d.serviceConnectConfiguration().services()) {
          if (sc.tls() != null) {
            add(refs, EcsRoleField.SERVICE_CONNECT_TLS, sc.tls().roleArn());
          }
        }
      }
    }
    return new EcsServiceRecord(
        clusterArn,
        name(s.clusterArn() != null ? s.clusterArn() : clusterArn),
        s.serviceArn(),
        s.serviceName(),
        refs,
        deployments);
  }

  private static void add(Map<EcsRoleField, Set<String>> refs, EcsRoleField field, String arn) {
    if (arn != null && !arn.isBlank()) {
      refs.computeIfAbsent(field, f -> new TreeSet<>()).add(arn);
    }
  }

  /** The last part of an ARN ({@code arn:aws:ecs:r:1:cluster/prod} gives {@code prod}). */
  static String name(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }
}

package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.EcsRoleField;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code ecs} section of an account file: ECS resources that use roles as infrastructure roles,
 * and what is under way, kept for the safety checks. Field names follow the ECS API ({@code
 * DescribeServices}) in camelCase; {@code kind}, {@code roleArns}, {@code source}, {@code regions}
 * and {@code scannedAt} are rolectl's (docs/account-files.md).
 *
 * <pre>{@code
 * "ecs": {"scannedAt": "2026-11-29T10:00:00Z", "regions": ["us-east-1"],
 *  "clusters": [{"clusterName": "prod", "region": "us-east-1", "services": [{
 *   "serviceName": "web",
 *   "loadBalancers": [{"targetGroupArn": "...", "advancedConfiguration": {"roleArn": "..."}}],
 *   "roleArns": {"capacityProviderStrategy[] -> ...": ["arn:..."]},
 *   "deployments": [{"id": "ecs-svc/1", "status": "PRIMARY", "rolloutState": "IN_PROGRESS",
 *       "lifecycleStage": "TEST_TRAFFIC_SHIFT", "startedAt": "2026-11-29T10:00:00Z"}]}]}]}
 * }</pre>
 *
 * @param present whether the file has an {@code ecs} section at all: a snapshot without one says
 *     nothing about ECS, while an empty section says there are no services
 * @param regions the regions that were scanned (by {@code rolectl snapshot}); empty when the file
 *     does not say
 * @param scannedAt when ECS was read (by {@code rolectl snapshot}); {@code null} when the file
 *     does not say
 * @param taskRoles whether the section records the task and execution roles of the task
 *     definitions in use ({@code "taskRoles": true}, written by {@code rolectl snapshot}); a
 *     snapshot that does not cannot say whether tasks use a role (unknown), while a {@code local:}
 *     file is the whole account either way
 * @param ec2 the file's {@code ec2} section: which EC2 instances use instance profiles. It stands
 *     for the world outside IAM like the {@code ecs} section, and travels with it (an apply to a
 *     {@code local:} file keeps both as they are in the file)
 */
public record LocalEcsState(
    List<Cluster> clusters,
    boolean present,
    List<String> regions,
    Instant scannedAt,
    boolean taskRoles,
    Ec2 ec2) {

  public LocalEcsState {
    clusters = List.copyOf(clusters);
    regions = List.copyOf(regions);
    Objects.requireNonNull(ec2, "ec2");
  }

  /** An {@code ecs} section that does not record task roles, without an {@code ec2} section. */
  public LocalEcsState(
      List<Cluster> clusters, boolean present, List<String> regions, Instant scannedAt) {
    this(clusters, present, regions, scannedAt, false, Ec2.absent());
  }

  /** The same state with another {@code ec2} section. */
  public LocalEcsState withEc2(Ec2 other) {
    return new LocalEcsState(clusters, present, regions, scannedAt, taskRoles, other);
  }

  /** The same state, saying whether it records task and execution roles. */
  public LocalEcsState withTaskRoles(boolean recorded) {
    return new LocalEcsState(clusters, present, regions, scannedAt, recorded, ec2);
  }

  /**
   * The {@code ec2} section of an account file, in the shape of EC2's {@code
   * DescribeIamInstanceProfileAssociations} output with each association's region:
   *
   * <pre>{@code
   * "ec2": {"scannedAt": "2026-11-29T10:00:00Z", "regions": ["us-east-1"],
   *  "IamInstanceProfileAssociations": [{"Region": "us-east-1", "AssociationId": "iip-assoc-1",
   *   "InstanceId": "i-0abc", "IamInstanceProfile": {"Arn": "arn:aws:iam::1:instance-profile/web"},
   *   "State": "associated"}]}
   * }</pre>
   *
   * @param present whether the file has an {@code ec2} section: a snapshot without one says
   *     nothing about EC2 (unknown), a {@code local:} file without one has no instances
   * @param regions the regions scanned ({@code rolectl snapshot}); empty when the file does not say
   * @param scannedAt when EC2 was read; {@code null} when the file does not say
   */
  public record Ec2(
      boolean present, List<String> regions, Instant scannedAt, List<Association> associations) {
    public Ec2 {
      regions = List.copyOf(regions);
      associations = List.copyOf(associations);
    }

    /** No {@code ec2} section. */
    public static Ec2 absent() {
      return new Ec2(false, List.of(), null, List.of());
    }
  }

  /**
   * One instance profile association.
   *
   * @param region {@code null} when the file does not say (it then belongs to every region)
   * @param state {@code associated} when the file does not say
   */
  public record Association(
      String region, String instanceId, String instanceProfileArn, String associationId,
      String state) {
    public Association {
      Objects.requireNonNull(instanceId, "instanceId");
      Objects.requireNonNull(instanceProfileArn, "instanceProfileArn");
      Objects.requireNonNull(state, "state");
    }
  }

  /** An {@code ecs} section with these clusters. */
  public LocalEcsState(List<Cluster> clusters) {
    this(clusters, true, List.of(), null);
  }

  public LocalEcsState(List<Cluster> clusters, boolean present) {
    this(clusters, present, List.of(), null);
  }

  /** An {@code ecs} section without clusters. */
  public static LocalEcsState empty() {
    return new LocalEcsState(List.of(), true);
  }

  /** No {@code ecs} section. */
  public static LocalEcsState absent() {
    return new LocalEcsState(List.of(), false);
  }

  public boolean isEmpty() {
    return clusters.isEmpty();
  }

  /**
   * A cluster.
   *
   * @param region {@code null} when the file does not say
   */
  public record Cluster(String name, String region, List<Service> services) {
    public Cluster {
      Objects.requireNonNull(name, "name");
      services = List.copyOf(services);
    }
  }

  /**
   * A service, or another resource with an infrastructure role ({@code kind}).
   *
   * @param kind {@code null} for a service, else e.g. {@code capacity provider}
   * @param roleArns roles named elsewhere than {@code loadBalancers}, by field
   * @param source what read the deployments (for verdicts); {@code null} when the file does not say
   */
  public record Service(
      String name,
      String kind,
      List<LoadBalancer> loadBalancers,
      Map<EcsRoleField, List<String>> roleArns,
      List<Deployment> deployments,
      String source) {
    public Service {
      Objects.requireNonNull(name, "name");
      loadBalancers = List.copyOf(loadBalancers);
      Map<EcsRoleField, List<String>> copy = new EnumMap<>(EcsRoleField.class);
      roleArns.forEach((f, arns) -> copy.put(f, List.copyOf(arns)));
      roleArns = java.util.Collections.unmodifiableMap(copy);
      deployments = List.copyOf(deployments);
    }

    /** A service with load balancers and deployments only. */
    public Service(String name, List<LoadBalancer> loadBalancers, List<Deployment> deployments) {
      this(name, null, loadBalancers, Map.of(), deployments, null);
    }
  }

  /**
   * One entry of {@code loadBalancers}; the last four come from {@code advancedConfiguration}
   * (blue/green) and are {@code null} when absent.
   *
   * @param roleArn the ECS infrastructure role for load balancers
   */
  public record LoadBalancer(
      String targetGroupArn,
      String roleArn,
      String alternateTargetGroupArn,
      String productionListenerRule,
      String testListenerRule) {}

  /**
   * One entry of {@code deployments}, as strings (ECS adds values over time); absent values are
   * {@code null}.
   *
   * @param status {@code PRIMARY}, {@code ACTIVE}, {@code INACTIVE}, or a service deployment status
   * @param rolloutState {@code IN_PROGRESS}, {@code COMPLETED}, {@code FAILED}
   * @param lifecycleStage e.g. {@code TEST_TRAFFIC_SHIFT}
   * @param startedAt when it started, {@code null} when the file does not say
   */
  public record Deployment(
      String id, String status, String rolloutState, String lifecycleStage, Instant startedAt) {

    /** A deployment without a start time. */
    public Deployment(String id, String status, String rolloutState, String lifecycleStage) {
      this(id, status, rolloutState, lifecycleStage, null);
    }
  }
}

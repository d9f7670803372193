package dev.rolectl.engine.live.local;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The {@code ecs} section of an account file: ECS services and their deployments, kept for the
 * safety checks (which roles are ECS infrastructure roles, and whether a deployment that uses one
 * is under way). Field names follow the ECS API ({@code DescribeServices}) in camelCase.
 *
 * <pre>{@code
 * "ecs": {"clusters": [{"clusterName": "prod", "region": "us-east-1", "services": [{
 *   "serviceName": "web",
 *   "loadBalancers": [{"targetGroupArn": "...", "advancedConfiguration": {"roleArn": "...",
 *       "alternateTargetGroupArn": "...", "productionListenerRule": "...",
 *       "testListenerRule": "..."}}],
 *   "deployments": [{"id": "ecs-svc/1", "status": "PRIMARY", "rolloutState": "IN_PROGRESS",
 *       "lifecycleStage": "TEST_TRAFFIC_SHIFT", "startedAt": "2026-11-29T10:00:00Z"}]}]}]}
 * }</pre>
 *
 * @param present whether the file has an {@code ecs} section at all: a snapshot without one says
 *     nothing about ECS, while an empty section says there are no services
 */
public record LocalEcsState(List<Cluster> clusters, boolean present) {

  public LocalEcsState {
    clusters = List.copyOf(clusters);
  }

  /** An {@code ecs} section with these clusters. */
  public LocalEcsState(List<Cluster> clusters) {
    this(clusters, true);
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

  /** A service with its load balancers and deployments. */
  public record Service(String name, List<LoadBalancer> loadBalancers, List<Deployment> deployments) {
    public Service {
      Objects.requireNonNull(name, "name");
      loadBalancers = List.copyOf(loadBalancers);
      deployments = List.copyOf(deployments);
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
   * @param status {@code PRIMARY}, {@code ACTIVE}, {@code INACTIVE}
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

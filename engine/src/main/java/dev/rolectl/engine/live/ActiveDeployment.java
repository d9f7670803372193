package dev.rolectl.engine.live;

import java.time.Instant;
import java.util.Objects;

/**
 * A deployment of an ECS service that is pending or under way.
 *
 * @param id the service deployment ARN ({@code ListServiceDeployments}), or the deployment id
 *     ({@code ecs-svc/...}) where only {@code Service.deployments[]} is known
 * @param status the service deployment status ({@code PENDING}, {@code IN_PROGRESS}, {@code
 *     STOP_REQUESTED}, {@code ROLLBACK_REQUESTED}, {@code ROLLBACK_IN_PROGRESS}), or the
 *     deployment's {@code PRIMARY}/{@code ACTIVE} status from {@code Service.deployments[]}
 * @param rolloutState {@code IN_PROGRESS}, {@code COMPLETED} or {@code FAILED} from {@code
 *     Service.deployments[]}; {@code null} when unknown
 * @param lifecycleStage e.g. {@code TEST_TRAFFIC_SHIFT}; {@code null} when unknown
 * @param startedAt when it started (or was created); {@code null} when unknown
 */
public record ActiveDeployment(
    String id, String status, String rolloutState, String lifecycleStage, Instant startedAt) {

  public ActiveDeployment {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(status, "status");
  }

  /** E.g. {@code deployment ecs-svc/1 (IN_PROGRESS, lifecycle stage TEST_TRAFFIC_SHIFT)}. */
  public String describe() {
    StringBuilder sb = new StringBuilder("deployment ").append(id).append(" (").append(status);
    if (rolloutState != null && !rolloutState.equals(status)) {
      sb.append(", rollout ").append(rolloutState);
    }
    sb.append(", lifecycle stage ").append(lifecycleStage == null ? "unknown" : lifecycleStage);
    if (startedAt != null) {
      sb.append(", started ").append(startedAt);
    }
    return sb.append(')').toString();
  }
}

package dev.rolectl.engine.api;

import dev.rolectl.engine.apply.ApplyOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How an apply runs.
 *
 * @param parallelism changes made at once, 1 to 64
 * @param waitForDeployments how long, in all, a disruptive change may wait for the ECS deployments
 *     that use its role to finish ({@code --wait-for-deployments}); zero: refuse at once
 */
public record ApplySettings(int parallelism, Duration waitForDeployments) {
  /** Changes made at once unless told otherwise. */
  public static final int DEFAULT_PARALLELISM = ApplyOptions.DEFAULT_PARALLELISM;

  public ApplySettings {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1 to 64, got " + parallelism);
    }
    Objects.requireNonNull(waitForDeployments, "waitForDeployments");
  }

  /** Parallelism {@value #DEFAULT_PARALLELISM}, no waiting. */
  public static ApplySettings defaults() {
    return new ApplySettings(DEFAULT_PARALLELISM, Duration.ZERO);
  }
}

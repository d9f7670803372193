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
 * @param breakGlass why changes that the ECS and EC2 safety rules block are made anyway ({@code
 *     --break-glass REASON}: incident response); {@code null} for none. Never overrides {@code
 *     protected}. The reason is in the apply's output and, through the target's options, in the
 *     AWS calls' user agent and role session name ({@link BreakGlass})
 */
public record ApplySettings(int parallelism, Duration waitForDeployments, String breakGlass) {
  /** Changes made at once unless told otherwise. */
  public static final int DEFAULT_PARALLELISM = ApplyOptions.DEFAULT_PARALLELISM;

  public ApplySettings {
    if (parallelism < 1 || parallelism > 64) {
      throw new IllegalArgumentException("parallelism must be 1 to 64, got " + parallelism);
    }
    Objects.requireNonNull(waitForDeployments, "waitForDeployments");
    if (breakGlass != null) {
      BreakGlass.check(breakGlass);
    }
  }

  /** Settings without break glass. */
  public ApplySettings(int parallelism, Duration waitForDeployments) {
    this(parallelism, waitForDeployments, null);
  }

  /** Parallelism {@value #DEFAULT_PARALLELISM}, no waiting. */
  public static ApplySettings defaults() {
    return new ApplySettings(DEFAULT_PARALLELISM, Duration.ZERO);
  }
}

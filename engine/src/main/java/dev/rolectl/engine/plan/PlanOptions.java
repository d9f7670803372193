package dev.rolectl.engine.plan;

import java.time.Instant;
import java.util.Objects;

/**
 * How to plan.
 *
 * @param adoptAll {@code --adopt}: adopt every untagged live resource the stack declares
 * @param target the target spec, recorded in the plan
 * @param now the plan's creation time
 */
public record PlanOptions(boolean adoptAll, String target, Instant now) {
  public PlanOptions {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(now, "now");
  }
}

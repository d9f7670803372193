package dev.rolectl.engine.plan;

import java.util.List;

/**
 * What the safety check read of ECS for a plan, saved with it so that {@code apply PLANFILE}
 * re-checks the same places.
 *
 * @param regions the regions scanned (the stack's {@code settings.ecs.regions}, else every region
 *     enabled for the account at plan time)
 * @param clusters the clusters found there (ARNs), sorted
 */
public record EcsCoverage(List<String> regions, List<String> clusters) {
  public EcsCoverage {
    regions = List.copyOf(regions);
    clusters = clusters.stream().sorted().distinct().toList();
  }
}

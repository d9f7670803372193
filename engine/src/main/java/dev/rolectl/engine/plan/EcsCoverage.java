package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.RegionFailure;
import java.util.List;

/**
 * What the safety check read of ECS (and of EC2's instance profile associations) for a plan, saved
 * with it so that {@code apply PLANFILE} re-checks the same places.
 *
 * @param regions the regions scanned (the stack's {@code settings.ecs.regions}, else every region
 *     enabled for the account at plan time)
 * @param clusters the clusters found there (ARNs), sorted
 * @param failures the regions that could not be read, one entry per way they failed: said once
 *     in every plan, however many changes they block
 * @param notChecked regions not checked because an organisation policy denies the reads there
 *     and the stack says so ({@code settings.ecs.organizationDeniedRegions}), sorted
 * @param organizationDeniedRegions the stack's {@code settings.ecs.organizationDeniedRegions},
 *     which {@code apply PLANFILE} uses again (a plan file is not signed, but the setting only
 *     ever excuses a region where AWS itself answers that an organisation policy denies the read)
 */
public record EcsCoverage(
    List<String> regions,
    List<String> clusters,
    List<RegionFailure> failures,
    List<String> notChecked,
    List<String> organizationDeniedRegions) {
  public EcsCoverage {
    regions = List.copyOf(regions);
    clusters = clusters.stream().sorted().distinct().toList();
    failures = RegionFailure.group(failures);
    notChecked = notChecked.stream().sorted().distinct().toList();
    organizationDeniedRegions = List.copyOf(organizationDeniedRegions);
  }

  /** Coverage without failures or unchecked regions. */
  public EcsCoverage(List<String> regions, List<String> clusters) {
    this(regions, clusters, List.of(), List.of(), List.of());
  }
}

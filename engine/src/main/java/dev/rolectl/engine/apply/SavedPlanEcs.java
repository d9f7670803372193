package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * ECS as {@code apply PLANFILE} re-checks it: every region enabled for the account now (for
 * account files: every region the file describes), and besides those the regions the plan's
 * safety check read ({@code ecs.regions} of the plan file) and any asked for. A plan file is not
 * signed, so the regions it lists may add to the re-check but never narrow it: an edited {@code
 * ecs.regions} cannot hide a deployment (breaker's finding F16).
 *
 * <p>Cost: each re-check reads every enabled region anew (with the AWS adapter, {@code
 * ListClusters} and {@code ListGateways} per region and the per-cluster calls; the enabled regions
 * themselves are read once per run), where a plan of a stack that names {@code
 * settings.ecs.regions} read only those. See docs/safety.md.
 */
final class SavedPlanEcs implements EcsDeployments {
  static final String WHY =
      "apply PLANFILE reads ECS in every region enabled for the account as well as in the plan"
          + " file's ecs.regions, because a plan file could have been edited; applying the stack"
          + " file instead uses its settings.ecs.regions";

  private final EcsDeployments ecs;
  private final List<String> planRegions;

  /**
   * @param planRegions the regions the plan file says its safety check read (may be empty)
   */
  SavedPlanEcs(EcsDeployments ecs, Collection<String> planRegions) {
    this.ecs = ecs;
    this.planRegions = List.copyOf(planRegions);
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    return read(roleArns, regions, false);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    return read(roleArns, regions, true);
  }

  @Override
  public EcsScan inventory(Collection<String> regions) {
    return ecs.inventory(regions);
  }

  private EcsScan read(Collection<String> roleArns, Collection<String> regions, boolean fresh) {
    EcsScan all = fresh ? ecs.rescan(roleArns, List.of()) : ecs.scan(roleArns, List.of());
    if (all.unknownReason().isPresent() && all.regions().isEmpty()) {
      return new EcsScan(all.regions(), all.clusters(), all.uses(),
          Optional.of(all.unknownReason().get() + " (" + WHY + ")"), all.asOf());
    }
    Set<String> more = new LinkedHashSet<>(planRegions);
    more.addAll(regions);
    if (all.regions().isEmpty()) {
      more.clear(); // an account file without regions: every region it describes was read
    }
    all.regions().forEach(r -> more.removeIf(r::equalsIgnoreCase));
    if (more.isEmpty()) {
      return all;
    }
    List<String> extra = List.copyOf(more);
    return merged(all, fresh ? ecs.rescan(roleArns, extra) : ecs.scan(roleArns, extra));
  }

  /** Both scans as one: regions, clusters and uses together, either's unknown reason. */
  private static EcsScan merged(EcsScan a, EcsScan b) {
    List<String> regions = new ArrayList<>(a.regions());
    regions.addAll(b.regions());
    List<String> clusters = new ArrayList<>(a.clusters());
    clusters.addAll(b.clusters());
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    a.uses().forEach((arn, list) -> uses.computeIfAbsent(arn, k -> new ArrayList<>()).addAll(list));
    b.uses().forEach((arn, list) -> uses.computeIfAbsent(arn, k -> new ArrayList<>()).addAll(list));
    List<String> reasons = new ArrayList<>();
    a.unknownReason().ifPresent(reasons::add);
    b.unknownReason().ifPresent(reasons::add);
    return new EcsScan(regions, clusters, uses,
        reasons.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", reasons)),
        a.asOf().or(b::asOf));
  }
}

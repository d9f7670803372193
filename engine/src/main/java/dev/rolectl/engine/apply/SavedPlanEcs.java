package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsScan;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * ECS as {@code apply PLANFILE} re-checks it: every region enabled for the account now (for
 * account files: every region the file describes), and besides those the regions the plan's
 * safety check read ({@code ecs.regions} of the plan file) and any asked for. A plan file is not
 * signed, so the regions it lists may add to the re-check but never narrow it: an edited {@code
 * ecs.regions} cannot hide a deployment (breaker's finding F16).
 *
 * <p>Every scan covers the enabled regions ({@link EcsDeployments#scan}); what is left to this
 * class is adding the plan file's regions and refusing the fallback to them alone: when the
 * enabled regions cannot be read ({@link EcsScan#partial()}), the re-check is unknown and blocks.
 * See docs/safety.md.
 */
final class SavedPlanEcs implements EcsDeployments {
  static final String WHY =
      "apply PLANFILE reads ECS in every region enabled for the account as well as in the plan"
          + " file's ecs.regions, and blocks when the enabled regions cannot be read, because a"
          + " plan file could have been edited; applying the stack file instead checks its"
          + " settings.ecs.regions then, with a warning";

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
    return read(roleArns, regions, false, false);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    return read(roleArns, regions, true, false);
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions, boolean tasks) {
    return read(roleArns, regions, false, tasks);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions, boolean tasks) {
    return read(roleArns, regions, true, tasks);
  }

  @Override
  public EcsScan inventory(Collection<String> regions) {
    return ecs.inventory(regions);
  }

  private EcsScan read(
      Collection<String> roleArns, Collection<String> regions, boolean fresh, boolean tasks) {
    Set<String> asked = new LinkedHashSet<>(planRegions);
    asked.addAll(regions);
    List<String> more = List.copyOf(asked);
    EcsScan scan = fresh ? ecs.rescan(roleArns, more, tasks) : ecs.scan(roleArns, more, tasks);
    if (scan.unknownReason().isPresent() && scan.regions().isEmpty()) {
      return withReason(scan, scan.unknownReason().get() + " (" + WHY + ")");
    }
    if (scan.partial().isPresent()) {
      // the enabled regions are unknown: the plan file's regions alone could have been edited
      return withReason(scan, scan.partial().get() + " (" + WHY + ")");
    }
    return scan;
  }

  private static EcsScan withReason(EcsScan scan, String reason) {
    return new EcsScan(scan.regions(), scan.clusters(), scan.uses(), Optional.of(reason),
        scan.asOf(), scan.fromSnapshot(), Optional.empty(), scan.failures(), scan.notChecked());
  }
}

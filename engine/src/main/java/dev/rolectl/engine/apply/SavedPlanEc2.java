package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.Ec2Scan;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * EC2 as {@code apply PLANFILE} re-checks it, like {@link SavedPlanEcs}: every region enabled for
 * the account now, and the regions the plan file lists besides (they may add to the re-check,
 * never narrow it); when the enabled regions cannot be read the re-check is unknown and blocks.
 */
final class SavedPlanEc2 implements InstanceProfileAssociations {
  private final InstanceProfileAssociations ec2;
  private final List<String> planRegions;

  SavedPlanEc2(InstanceProfileAssociations ec2, Collection<String> planRegions) {
    this.ec2 = ec2;
    this.planRegions = List.copyOf(planRegions);
  }

  @Override
  public Ec2Scan scan(Collection<String> names, Collection<String> regions) {
    return read(names, regions, false);
  }

  @Override
  public Ec2Scan rescan(Collection<String> names, Collection<String> regions) {
    return read(names, regions, true);
  }

  @Override
  public Ec2Scan inventory(Collection<String> regions) {
    return ec2.inventory(regions);
  }

  private Ec2Scan read(Collection<String> names, Collection<String> regions, boolean anew) {
    Set<String> asked = new LinkedHashSet<>(planRegions);
    asked.addAll(regions);
    List<String> more = List.copyOf(asked);
    Ec2Scan scan = anew ? ec2.rescan(names, more) : ec2.scan(names, more);
    if (scan.partial().isPresent()) {
      return new Ec2Scan(scan.regions(), scan.uses(), Optional.of(scan.partial().get() + " ("
          + SavedPlanEcs.WHY + ")"), scan.failures(), scan.notChecked(), Optional.empty(),
          scan.asOf(), scan.fromSnapshot());
    }
    return scan;
  }
}

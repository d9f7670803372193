package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.RegionFailure;
import java.util.Collection;
import java.util.List;

/** A {@link FakeEcs} whose scans also carry failed regions. */
class FakeEcsWithFailures implements dev.rolectl.engine.live.EcsDeployments {
  private final List<RegionFailure> failures;

  FakeEcsWithFailures(List<RegionFailure> failures) {
    this.failures = List.copyOf(failures);
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    return EcsScan.known(List.of("us-east-1", "ap-east-1", "me-south-1"), java.util.Map.of())
        .withFailures(failures);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    return scan(roleArns, regions);
  }

  @Override
  public EcsScan inventory(Collection<String> regions) {
    return scan(List.of(), regions);
  }
}

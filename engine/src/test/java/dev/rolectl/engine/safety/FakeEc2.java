package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.Ec2Scan;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.InstanceUse;
import dev.rolectl.engine.live.RegionFailure;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** An in-memory {@link InstanceProfileAssociations} (our own port): associations, or failures. */
final class FakeEc2 implements InstanceProfileAssociations {
  final List<InstanceUse> uses = new ArrayList<>();
  final List<RegionFailure> failures = new ArrayList<>();
  final List<Collection<String>> asked = new ArrayList<>();
  String unknownReason;

  FakeEc2 instance(String id, String profile) {
    uses.add(new InstanceUse("us-east-1", id, "arn:aws:iam::123456789012:instance-profile/"
        + profile, "iip-assoc-" + id, "associated", "fake DescribeIamInstanceProfileAssociations"));
    return this;
  }

  @Override
  public Ec2Scan scan(Collection<String> names, Collection<String> regions) {
    asked.add(List.copyOf(names));
    if (unknownReason != null) {
      return Ec2Scan.unknown(regions, unknownReason);
    }
    return Ec2Scan.known(List.of("us-east-1", "eu-west-1"), uses.stream()
        .filter(u -> names.stream().anyMatch(n -> n.equalsIgnoreCase(u.instanceProfileName())))
        .toList()).withFailures(failures);
  }

  @Override
  public Ec2Scan rescan(Collection<String> names, Collection<String> regions) {
    return scan(names, regions);
  }

  @Override
  public Ec2Scan inventory(Collection<String> regions) {
    return scan(List.of(), regions);
  }
}

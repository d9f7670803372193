package dev.rolectl.engine.live.aws;

import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Region;

/**
 * The regions enabled for the account: EC2 {@code DescribeRegions} without {@code AllRegions}
 * (enabled and opt-in-not-required regions only), one call. Chosen over {@code
 * account:ListRegions} because {@code ec2:DescribeRegions} is in every read-only policy and moto
 * implements it (the {@code account} SDK module is also not served by the registry this project
 * builds from); see docs/safety.md.
 */
final class EnabledRegions {
  private EnabledRegions() {}

  /** Sorted region names; an {@link EcsReadException} when the call fails. */
  static List<String> read(Ec2Client ec2) {
    return EcsReadException.call(
        "DescribeRegions",
        () ->
            ec2.describeRegions(r -> r.allRegions(false)).regions().stream()
                .map(Region::regionName)
                .filter(n -> n != null && !n.isBlank())
                .sorted()
                .toList());
  }
}

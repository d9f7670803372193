package dev.rolectl.engine.live;

import java.util.Collection;
import java.util.List;

/**
 * The port for asking EC2 which instances use instance profiles ({@code
 * ec2:DescribeIamInstanceProfileAssociations}), for the safety rules of roles in instance
 * profiles. Adapters: {@code aws} (every region enabled for the account and the regions asked
 * for besides, as the ECS scan), and the {@code ec2} section of {@code local:} and {@code
 * snapshot:} account files.
 *
 * <p>Trouble reading EC2 is not an exception: it comes back as an {@link Ec2Scan} with a {@link
 * Ec2Scan#reason()}, and the safety rules fail closed on it.
 */
public interface InstanceProfileAssociations {

  /**
   * The instances associated with the instance profiles. An adapter reads each region at most
   * once during its life and answers later scans from that.
   *
   * @param instanceProfileNames the profiles to look for (names, compared ignoring case)
   * @param regions regions to look in besides every region enabled for the account
   */
  Ec2Scan scan(Collection<String> instanceProfileNames, Collection<String> regions);

  /** Like {@link #scan}, but reads EC2 anew (the re-check right before a disruptive call). */
  Ec2Scan rescan(Collection<String> instanceProfileNames, Collection<String> regions);

  /**
   * Every association in the regions, read anew: for {@code rolectl snapshot}.
   *
   * @param regions the regions to look in; empty for every region enabled for the account
   */
  Ec2Scan inventory(Collection<String> regions);

  /** A port that cannot read EC2, saying why: every scan is unknown (fail closed). */
  static InstanceProfileAssociations unknown(String why) {
    return new InstanceProfileAssociations() {
      @Override
      public Ec2Scan scan(Collection<String> names, Collection<String> regions) {
        return Ec2Scan.unknown(List.copyOf(regions), why);
      }

      @Override
      public Ec2Scan rescan(Collection<String> names, Collection<String> regions) {
        return scan(names, regions);
      }

      @Override
      public Ec2Scan inventory(Collection<String> regions) {
        return scan(List.of(), regions);
      }
    };
  }
}

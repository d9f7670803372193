package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.TargetOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * The regions one {@code aws} target scans for the resources that use roles (ECS services, EC2
 * instance profile associations): every region enabled for the account ({@link EnabledRegions},
 * EC2 {@code DescribeRegions} once per run, in the home region), and the regions a stack names
 * besides. The answer, or why it could not be read, is kept for the life of the target, so that
 * the ECS and the EC2 scans of one run ask once between them. Thread-safe.
 */
final class AccountRegions {
  private final TargetOptions options;
  private final CallCounter counter;
  private List<String> enabled;
  private String unknown; // why DescribeRegions failed: asked once per run, like the answer

  AccountRegions(TargetOptions options, CallCounter counter) {
    this.options = options;
    this.counter = counter;
  }

  /** The region of the target: {@code --region}, else the SDK's settings; where regions are read. */
  String home() {
    return AwsClients.region(options).id();
  }

  /** Whether the enabled regions were asked for already (answered or not). */
  synchronized boolean known() {
    return enabled != null || unknown != null;
  }

  /** The regions enabled for the account, or why they are unknown. */
  synchronized Resolved resolve() {
    if (unknown != null) {
      return new Resolved(List.of(), unknown);
    }
    if (enabled == null) {
      String home = home();
      try (Ec2Client ec2 = AwsClients.ec2(options, Region.of(home), counter)) {
        enabled = EnabledRegions.read(ec2);
      } catch (EcsReadException e) {
        unknown = "cannot list the regions enabled for the account (" + e.reason(home) + ")";
        return new Resolved(List.of(), unknown);
      }
    }
    return new Resolved(enabled, null);
  }

  /** The enabled regions, then the others asked for; each once (region names ignore case). */
  static List<String> union(List<String> enabled, Collection<String> asked) {
    List<String> out = new ArrayList<>(enabled);
    for (String r : asked) {
      if (out.stream().noneMatch(r::equalsIgnoreCase)) {
        out.add(r);
      }
    }
    return out;
  }

  /** The regions asked for, each once. */
  static List<String> distinct(Collection<String> regions) {
    return union(List.of(), regions);
  }

  /**
   * The enabled regions ({@code regions}), or why they are unknown ({@code unknown}, then {@code
   * regions} is empty).
   */
  record Resolved(List<String> regions, String unknown) {}
}

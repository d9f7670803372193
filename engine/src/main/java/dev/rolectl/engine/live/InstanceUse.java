package dev.rolectl.engine.live;

import java.util.Locale;
import java.util.Objects;

/**
 * An EC2 instance associated with an instance profile ({@code ec2:DescribeIamInstanceProfileAssociations}):
 * while the association lasts, the instance gets the credentials of the role in the profile.
 *
 * @param region the instance's region
 * @param instanceId e.g. {@code i-0123456789abcdef0}
 * @param instanceProfileArn the profile's ARN as EC2 gives it
 * @param associationId e.g. {@code iip-assoc-0123}; {@code null} when unknown
 * @param state {@code associating}, {@code associated} or {@code disassociating} (a {@code
 *     disassociated} association is no use)
 * @param source what said so, e.g. {@code DescribeIamInstanceProfileAssociations} or the account
 *     file's name
 */
public record InstanceUse(
    String region,
    String instanceId,
    String instanceProfileArn,
    String associationId,
    String state,
    String source) {

  public InstanceUse {
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(instanceId, "instanceId");
    Objects.requireNonNull(instanceProfileArn, "instanceProfileArn");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(source, "source");
  }

  /** The profile's name: the last part of its ARN (a path before it does not matter). */
  public String instanceProfileName() {
    return instanceProfileArn.substring(instanceProfileArn.lastIndexOf('/') + 1);
  }

  /** Whether the association gives (or may give) the instance the role's credentials. */
  public boolean inUse() {
    return !"disassociated".equals(state.toLowerCase(Locale.ROOT));
  }

  /** E.g. {@code instance i-0abc (us-east-1, instance profile web, associated)}. */
  public String describe() {
    return "instance " + instanceId + " (" + region + ", instance profile " + instanceProfileName()
        + ", " + state + ")";
  }
}

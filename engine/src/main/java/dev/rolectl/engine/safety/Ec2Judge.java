package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.Ec2Scan;
import dev.rolectl.engine.live.InstanceUse;
import dev.rolectl.engine.plan.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict on a hazard for EC2 instances ({@link UsedBy#EC2}): a role in an instance profile
 * that EC2 instances are associated with ({@code DescribeIamInstanceProfileAssociations}) is in
 * use. Delete, replace and trust changes that drop {@code ec2.amazonaws.com} are blocked while an
 * instance uses the profile, and when EC2 cannot be read (fail closed), naming the instances, the
 * profiles and the regions. Deleting or replacing the role always names the profiles it leaves
 * ("removed from instance profile X"): a warning when no instance uses them.
 */
final class Ec2Judge {
  static final String WHAT_TO_DO = "Move the instances to another instance profile first (aws ec2"
      + " replace-iam-instance-profile-association), or stop and disassociate them."
      + " --wait-for-deployments does not apply: the instances keep the profile until it is"
      + " changed.";

  private Ec2Judge() {}

  static Verdict verdict(Hazard h, Ec2Scan scan, boolean brief) {
    RoleRef role = h.role();
    List<String> profiles = role.instanceProfiles();
    boolean removes = h.rule().equals(RoleDeleteRule.EC2_ID);
    String profileNames = String.join(", ", profiles);
    String removed = removes
        ? "Removed from instance profile" + (profiles.size() == 1 ? " " : "s ") + profileNames
            + (h.doing().startsWith("replacing role") ? " (put back once the new role exists)" : "")
            + ": "
        : "";
    List<InstanceUse> uses = new ArrayList<>();
    profiles.forEach(p -> uses.addAll(scan.usesOf(p)));
    String asOf = scan.asOf()
        .map(t -> "As of " + t + " (when the snapshot was taken): ")
        .orElse(scan.fromSnapshot() ? "From a snapshot of unknown date: " : "");
    String notChecked = Unread.notChecked(scan.notChecked());
    if (!uses.isEmpty()) {
      String list = Unread.firstOf(uses.stream().map(InstanceUse::describe).toList())
          + " (source: " + uses.stream().map(InstanceUse::source).distinct()
              .collect(Collectors.joining("; ")) + ")";
      return Verdict.block(h.rule(), asOf + removed + Unread.capitalised(h.doing())
          + " takes the credentials of role " + role.name() + " from EC2 instances that use"
          + " instance profile " + profileNames + ": " + list + ". " + Unread.capitalised(
              h.consequence()) + ". " + WHAT_TO_DO + (scan.isKnown() ? ""
              : " Besides, rolectl could not read all of EC2: "
                  + Unread.of(scan.failures(), scan.unknownReason(), brief) + "."));
    }
    if (!scan.isKnown()) {
      return Verdict.block(h.rule(), removed + "Cannot tell whether EC2 instances use instance"
          + " profile " + profileNames + " (role " + role.name() + "): "
          + Unread.of(scan.failures(), scan.unknownReason(), brief) + ". rolectl refuses "
          + h.doing() + " while it cannot read EC2 (fail closed).");
    }
    String where = Unread.where(scan.regions());
    String none = "no EC2 instance" + where + " is associated with instance profile "
        + profileNames + " (role " + role.name() + ")";
    String later = removes ? "; an instance launched with it later gets no credentials" : "";
    if (scan.fromSnapshot()) {
      return Verdict.warn(h.rule(), asOf + removed + none + later + ". The snapshot may be out"
          + " of date: apply re-checks live EC2 right before " + h.doing() + "." + notChecked);
    }
    if (scan.partial().isPresent() || !scan.notChecked().isEmpty()) {
      return Verdict.warn(h.rule(), removed + Unread.capitalised(none) + later + ", but not every"
          + " region was checked" + scan.partial().map(p -> ": " + p).orElse("") + "."
          + notChecked);
    }
    return removes
        ? Verdict.warn(h.rule(), removed + none + later + ".")
        : Verdict.allow(h.rule(), none);
  }
}

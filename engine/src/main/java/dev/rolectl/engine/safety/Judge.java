package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.plan.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a hazard and what ECS said into a verdict: block while something that uses the role has a
 * deployment (or change) that is not known to be finished, or when ECS could not be read (fail
 * closed); warn when resources use the role but none is deploying, when the answer comes from a
 * snapshot (it may be out of date, dated or not; apply re-checks live), or when not every region
 * could be checked ({@link EcsScan#partial()}); allow when nothing uses it. Every
 * verdict that names a use names the source that decided it.
 */
final class Judge {
  static final String WHAT_TO_DO =
      "Wait for the deployment to finish and plan again, or apply with --wait-for-deployments.";

  private Judge() {}

  static Verdict verdict(Hazard h, EcsScan scan) {
    return verdict(h, scan, false);
  }

  /**
   * @param brief whether the verdict is for a plan, which lists failed regions once on its own
   *     ({@link Unread})
   */
  static Verdict verdict(Hazard h, EcsScan scan, boolean brief) {
    RoleRef role = h.role();
    String rule = h.rule();
    List<ServiceUse> uses = scan.usesOf(role.arn()).stream()
        .flatMap(u -> u.only(false).stream()).toList();
    String unread = Unread.of(scan.failures(), scan.unknownReason(), brief);
    String notChecked = Unread.notChecked(scan.notChecked());
    List<ServiceUse> deploying = uses.stream().filter(ServiceUse::deploying).toList();
    String asOf =
        scan.asOf()
            .map(t -> "As of " + t + " (when the snapshot was taken): ")
            .orElse(scan.fromSnapshot() ? "From a snapshot of unknown date: " : "");
    String partial = scan.partial().map(p -> " Not every region was checked: " + p + ".").orElse("")
        + notChecked;
    if (!deploying.isEmpty()) {
      return Verdict.block(
          rule,
          asOf
              + capitalised(h.doing())
              + " would break "
              + (deployingCount(deploying) == 1 ? "a deployment" : "deployments")
              + " in progress: "
              + deploying.stream().map(Judge::deploying).collect(Collectors.joining("; "))
              + ". "
              + h.consequence()
              + (h.certain() ? ": " : "; then ")
              + "ECS fails the deployment and can leave the service inconsistent. "
              + WHAT_TO_DO
              + (scan.isKnown() ? "" : " Besides, rolectl could not read all of ECS: " + unread + "."));
    }
    if (!scan.isKnown()) {
      return Verdict.block(
          rule,
          "Cannot tell whether an ECS deployment uses role "
              + role.name()
              + ": "
              + unread
              + ". rolectl refuses "
              + h.doing()
              + " while it cannot read ECS (fail closed).");
    }
    if (!uses.isEmpty()) {
      String services =
          uses.stream()
              .map(u -> using(u) + " (source: " + u.source() + ")")
              .collect(Collectors.joining("; "));
      String names = uses.stream().map(ServiceUse::service).collect(Collectors.joining(", "));
      return Verdict.warn(
          rule,
          asOf
              + capitalised(h.doing())
              + ": "
              + services
              + (uses.size() == 1 ? " and is not deploying now" : "; none of them is deploying now")
              + ", but the next deployment of "
              + names
              + (h.certain() ? " will fail: " : " may fail: ")
              + h.consequence()
              + ". "
              + (h.certain()
                  ? "Point the service at another role first, or keep the role as it is."
                  : "Check that the role keeps what ECS needs before the next deployment.")
              + (asOf.isEmpty() ? "" : " apply re-checks live ECS before the change.")
              + partial);
    }
    String where = Unread.where(scan.regions());
    if (scan.fromSnapshot()) {
      return Verdict.warn(
          rule,
          asOf
              + "no deployment uses role "
              + role.name()
              + ": no ECS service, capacity provider or gateway"
              + where
              + " uses it as an infrastructure role. The snapshot may be out of date: apply"
              + " re-checks live ECS right before "
              + h.doing()
              + ".");
    }
    if (scan.partial().isPresent()) {
      return Verdict.warn(
          rule,
          "No ECS service, capacity provider or gateway" + where + " uses role " + role.name()
              + " as an infrastructure role, but rolectl could not check every region: "
              + scan.partial().get() + "." + notChecked);
    }
    if (!scan.notChecked().isEmpty()) {
      return Verdict.warn(
          rule,
          "No ECS service, capacity provider or gateway" + where + " uses role " + role.name()
              + " as an infrastructure role, but not every region was checked." + notChecked);
    }
    return Verdict.allow(
        rule,
        "no ECS service, capacity provider or gateway" + where + " uses role " + role.name()
            + " as an infrastructure role");
  }

  private static long deployingCount(List<ServiceUse> deploying) {
    return deploying.stream().mapToLong(u -> u.activeDeployments().size()).sum();
  }

  private static String deploying(ServiceUse u) {
    return using(u)
        + " and has "
        + u.activeDeployments().stream()
            .map(ActiveDeployment::describe)
            .collect(Collectors.joining(" and "))
        + " (source: "
        + u.source()
        + ")";
  }

  private static String using(ServiceUse u) {
    return u.describe()
        + " uses it ("
        + u.fields().stream().map(EcsRoleField::path).collect(Collectors.joining(", "))
        + ")";
  }

  private static String capitalised(String s) {
    return Unread.capitalised(s);
  }
}

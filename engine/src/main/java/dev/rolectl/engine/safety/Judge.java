package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.plan.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns a hazard and what ECS said into a verdict: block while a deployment that uses the role is
 * pending or under way, or when ECS could not be read (fail closed); warn when services use the
 * role but none is deploying; allow when no service uses it.
 */
final class Judge {
  static final String WHAT_TO_DO =
      "Wait for the deployment to finish and plan again, or apply with --wait-for-deployments.";

  private Judge() {}

  static Verdict verdict(Hazard h, EcsScan scan) {
    RoleRef role = h.role();
    String rule = h.rule();
    if (scan.unknownReason().isPresent()) {
      return Verdict.block(
          rule,
          "Cannot tell whether an ECS deployment uses role "
              + role.name()
              + ": "
              + scan.unknownReason().get()
              + ". rolectl refuses "
              + h.doing()
              + " while it cannot read ECS (fail closed).");
    }
    List<ServiceUse> uses = scan.usesOf(role.arn());
    List<ServiceUse> deploying = uses.stream().filter(ServiceUse::deploying).toList();
    if (!deploying.isEmpty()) {
      return Verdict.block(
          rule,
          capitalised(h.doing())
              + " would break "
              + (deployingCount(deploying) == 1 ? "a deployment" : "deployments")
              + " in progress: "
              + deploying.stream().map(Judge::deploying).collect(Collectors.joining("; "))
              + ". "
              + h.consequence()
              + (h.certain() ? ": " : "; then ")
              + "ECS fails the deployment and can leave the service inconsistent. "
              + WHAT_TO_DO);
    }
    if (!uses.isEmpty()) {
      String services = uses.stream().map(Judge::using).collect(Collectors.joining("; "));
      String names = uses.stream().map(ServiceUse::service).collect(Collectors.joining(", "));
      return Verdict.warn(
          rule,
          capitalised(h.doing())
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
                  : "Check that the role keeps what ECS needs before the next deployment."));
    }
    return Verdict.allow(
        rule,
        "no ECS service"
            + (scan.regions().isEmpty() ? "" : " in " + String.join(", ", scan.regions()))
            + " uses role "
            + role.name()
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
            .collect(Collectors.joining(" and "));
  }

  private static String using(ServiceUse u) {
    return u.describe()
        + " uses it ("
        + u.fields().stream().map(EcsRoleField::path).collect(Collectors.joining(", "))
        + ")";
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

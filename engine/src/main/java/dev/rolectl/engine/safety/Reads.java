package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.Ec2Scan;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.RegionFailure;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.EcsCoverage;
import dev.rolectl.engine.plan.Verdict;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the safety check reads for a set of hazards, once: ECS for the roles that ECS or its tasks
 * may use (with the task definitions in use only when a hazard concerns tasks), EC2's instance
 * profile associations for the profiles of the roles in one; each in every enabled region and
 * the stack's {@code settings.ecs.regions}, with the regions that the stack's {@code
 * settings.ecs.organizationDeniedRegions} excuses left out as not checked ({@link
 * EcsScan#excusing}). A read that throws is an unknown scan (fail closed).
 *
 * @param ecs {@code null} when no hazard needs ECS
 * @param ec2 {@code null} when no hazard needs EC2
 */
record Reads(EcsScan ecs, Ec2Scan ec2) {

  static Reads of(List<Hazard> hazards, Stack stack, EcsDeployments ecs,
      InstanceProfileAssociations ec2, boolean anew) {
    Set<String> ecsRoles = new LinkedHashSet<>();
    Set<String> profiles = new LinkedHashSet<>();
    boolean tasks = false;
    for (Hazard h : hazards) {
      switch (h.usedBy()) {
        case ECS_INFRASTRUCTURE -> ecsRoles.add(h.role().arn());
        case ECS_TASKS -> {
          ecsRoles.add(h.role().arn());
          tasks = true;
        }
        case EC2 -> profiles.addAll(h.role().instanceProfiles());
      }
    }
    List<String> regions = stack.settings().ecsRegions();
    List<String> denied = stack.settings().organizationDeniedRegions();
    EcsScan e = null;
    if (!ecsRoles.isEmpty()) {
      boolean t = tasks;
      try {
        e = (anew ? ecs.rescan(ecsRoles, regions, t) : ecs.scan(ecsRoles, regions, t))
            .excusing(denied);
      } catch (RuntimeException x) {
        e = EcsScan.unknown(regions, "reading ECS failed (" + x.getMessage() + "): run with"
            + " --debug for details");
      }
    }
    Ec2Scan i = null;
    if (!profiles.isEmpty()) {
      try {
        i = (anew ? ec2.rescan(profiles, regions) : ec2.scan(profiles, regions)).excusing(denied);
      } catch (RuntimeException x) {
        i = Ec2Scan.unknown(regions, "reading EC2 failed (" + x.getMessage() + "): run with"
            + " --debug for details");
      }
    }
    return new Reads(e, i);
  }

  /** The verdict on one hazard ({@code brief}: for a plan, see {@link Unread}). */
  Verdict verdict(Hazard h, boolean brief) {
    return switch (h.usedBy()) {
      case ECS_INFRASTRUCTURE -> Judge.verdict(h, ecs, brief);
      case ECS_TASKS -> TaskJudge.verdict(h, ecs, brief);
      case EC2 -> Ec2Judge.verdict(h, ec2, brief);
    };
  }

  /** What was read, for the plan; {@code null} when nothing was. */
  EcsCoverage coverage(Stack stack) {
    if (ecs == null && ec2 == null) {
      return null;
    }
    List<RegionFailure> failures = new ArrayList<>();
    Set<String> notChecked = new LinkedHashSet<>();
    Collection<String> regions = ecs != null ? ecs.regions() : ec2.regions();
    if (ecs != null) {
      failures.addAll(ecs.failures());
      notChecked.addAll(ecs.notChecked());
    }
    if (ec2 != null) {
      failures.addAll(ec2.failures());
      notChecked.addAll(ec2.notChecked());
    }
    return new EcsCoverage(List.copyOf(regions), ecs == null ? List.of() : ecs.clusters(),
        failures, List.copyOf(notChecked), stack.settings().organizationDeniedRegions());
  }
}

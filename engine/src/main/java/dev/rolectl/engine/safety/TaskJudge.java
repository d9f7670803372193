package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.plan.Verdict;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The verdict on a hazard for ECS tasks ({@link UsedBy#ECS_TASKS}): a role that the task
 * definitions in use name as a task or execution role (services' deployments, running tasks,
 * daemons) is in use for as long as they run, deploying or not. Delete, replace and trust changes
 * that drop {@code ecs-tasks.amazonaws.com} are blocked while anything uses it, and when ECS
 * cannot be read (fail closed); narrowing is warned, naming the users. Waiting for deployments
 * does not help: the block stays until the task definitions stop naming the role.
 */
final class TaskJudge {
  static final String WHAT_TO_DO = "Point the task definitions at another role and deploy them (or"
      + " stop those tasks) first. --wait-for-deployments does not apply: the role stays in use as"
      + " long as the tasks run.";

  private TaskJudge() {}

  static Verdict verdict(Hazard h, EcsScan scan, boolean brief) {
    RoleRef role = h.role();
    List<ServiceUse> uses = scan.usesOf(role.arn()).stream()
        .flatMap(u -> u.only(true).stream()).toList();
    String asOf = scan.asOf()
        .map(t -> "As of " + t + " (when the snapshot was taken): ")
        .orElse(scan.fromSnapshot() ? "From a snapshot of unknown date: " : "");
    String notChecked = Unread.notChecked(scan.notChecked());
    if (!uses.isEmpty()) {
      String list = Unread.firstOf(uses.stream().map(TaskJudge::using).toList())
          + " (source: " + uses.stream().map(ServiceUse::source).distinct()
              .collect(Collectors.joining("; ")) + ")";
      if (h.warnOnly()) {
        return Verdict.warn(h.rule(), asOf + Unread.capitalised(h.doing()) + ": " + list
            + (uses.size() == 1 ? " uses" : " use") + " it as a task or execution role, and "
            + h.consequence() + ". Check that the role keeps what they need.");
      }
      return Verdict.block(h.rule(), asOf + Unread.capitalised(h.doing())
          + " would break ECS tasks that use the role: " + list + ". " + Unread.capitalised(
              h.consequence()) + ". "
          + WHAT_TO_DO + (scan.isKnown() ? "" : " Besides, rolectl could not read all of ECS: "
              + Unread.of(scan.failures(), scan.unknownReason(), brief) + "."));
    }
    if (!scan.isKnown()) {
      String unread = Unread.of(scan.failures(), scan.unknownReason(), brief);
      if (h.warnOnly()) {
        return Verdict.warn(h.rule(), "Cannot tell whether ECS tasks use role " + role.name()
            + " as a task or execution role: " + unread + ". If they do, " + h.consequence() + ".");
      }
      return Verdict.block(h.rule(), "Cannot tell whether ECS tasks use role " + role.name()
          + " as a task or execution role: " + unread + ". rolectl refuses " + h.doing()
          + " while it cannot read ECS (fail closed).");
    }
    String where = Unread.where(scan.regions());
    String none = "no ECS service, task or daemon" + where + " uses role " + role.name()
        + " as a task or execution role";
    if (scan.fromSnapshot()) {
      return Verdict.warn(h.rule(), asOf + none + ". The snapshot may be out of date: apply"
          + " re-checks live ECS right before " + h.doing() + "." + notChecked);
    }
    if (scan.partial().isPresent() || !scan.notChecked().isEmpty()) {
      return Verdict.warn(h.rule(), Unread.capitalised(none) + ", but not every region was"
          + " checked" + scan.partial().map(p -> ": " + p).orElse("") + "." + notChecked);
    }
    return Verdict.allow(h.rule(), none);
  }

  private static String using(ServiceUse u) {
    return u.describe() + " names it in "
        + u.fields().stream().map(EcsRoleField::path).collect(Collectors.joining(", "));
  }
}

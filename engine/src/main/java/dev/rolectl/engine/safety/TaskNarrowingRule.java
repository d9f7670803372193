package dev.rolectl.engine.safety;

import dev.rolectl.engine.plan.ResourceChange;
import java.util.ArrayList;
import java.util.List;

/**
 * {@value #ID}: every change that {@link RoleNarrowingRule} or {@link PolicyDetachRule} finds
 * taking permissions from a role, judged for the ECS tasks that use it as a task or execution
 * role. rolectl cannot tell what the tasks need, so this rule warns (naming them) and never
 * blocks.
 */
final class TaskNarrowingRule implements SafetyRule {
  static final String ID = "ecs-task-role-narrowing";
  private static final String CONSEQUENCE = "the tasks may lack permissions they need";

  private final List<SafetyRule> narrowing = List.of(new PolicyDetachRule(), new RoleNarrowingRule());

  @Override
  public String id() {
    return ID;
  }

  @Override
  public List<Hazard> hazards(ResourceChange change, RoleIndex roles) {
    List<Hazard> out = new ArrayList<>();
    for (SafetyRule r : narrowing) {
      for (Hazard h : r.hazards(change, roles)) {
        out.add(new Hazard(ID, h.role(), h.doing(), CONSEQUENCE, false, UsedBy.ECS_TASKS, true));
      }
    }
    return out;
  }
}

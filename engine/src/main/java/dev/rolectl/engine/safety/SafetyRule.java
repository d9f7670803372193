package dev.rolectl.engine.safety;

import dev.rolectl.engine.plan.ResourceChange;
import java.util.List;

/** One safety rule: which roles a change disrupts, and how. Pure: no I/O. */
interface SafetyRule {

  /** The stable id, shown with every verdict (e.g. {@code ecs-role-delete}). */
  String id();

  /** The hazards of the change (none when the rule does not concern it). */
  List<Hazard> hazards(ResourceChange change, RoleIndex roles);
}

package dev.rolectl.engine.safety;

import java.util.Objects;

/**
 * What one change does to one role that could break something using it, found by a rule.
 *
 * @param rule the rule's stable id
 * @param doing what the change does, e.g. {@code deleting role web}
 * @param consequence what the user loses, e.g. {@code ECS can no longer assume the role}
 * @param certain whether it certainly breaks ({@code true}) or may (narrowing)
 * @param usedBy who uses the role in the way the rule concerns (which reads judge it)
 * @param warnOnly whether the rule warns, never blocks, when the role is in use (narrowing a task
 *     role: rolectl cannot tell what the tasks need)
 */
record Hazard(
    String rule,
    RoleRef role,
    String doing,
    String consequence,
    boolean certain,
    UsedBy usedBy,
    boolean warnOnly) {
  Hazard {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(doing, "doing");
    Objects.requireNonNull(consequence, "consequence");
    Objects.requireNonNull(usedBy, "usedBy");
  }

  /** A hazard for ECS as an infrastructure-role user, judged by its deployments. */
  Hazard(String rule, RoleRef role, String doing, String consequence, boolean certain) {
    this(rule, role, doing, consequence, certain, UsedBy.ECS_INFRASTRUCTURE, false);
  }

  /** Whether the role's user could be using it (else no read is needed). */
  boolean relevant() {
    return role.relevant(usedBy);
  }

  /** The same hazard under another rule, for another user. */
  Hazard as(String otherRule, UsedBy otherUser, boolean warn) {
    return new Hazard(otherRule, role, doing, consequence, certain, otherUser, warn);
  }
}

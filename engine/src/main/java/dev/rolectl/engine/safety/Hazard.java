package dev.rolectl.engine.safety;

import java.util.Objects;

/**
 * What one change does to one role that could break an ECS deployment using it, found by a rule.
 *
 * @param rule the rule's stable id
 * @param doing what the change does, e.g. {@code deleting role web}
 * @param consequence what ECS loses, e.g. {@code ECS can no longer assume the role}
 * @param certain whether a deployment certainly fails ({@code true}) or may fail (narrowing)
 */
record Hazard(String rule, RoleRef role, String doing, String consequence, boolean certain) {
  Hazard {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(doing, "doing");
    Objects.requireNonNull(consequence, "consequence");
  }
}

package dev.rolectl.engine.access;

import dev.rolectl.engine.model.Resource;

/**
 * One change of a plan as access analysis sees it: the resource before ({@code null}: created)
 * and after ({@code null}: deleted).
 *
 * @param address the change's address in the plan, e.g. {@code role.app}
 */
public record AccessChange(String address, Resource before, Resource after) {
  public AccessChange {
    java.util.Objects.requireNonNull(address, "address");
    if (before == null && after == null) {
      throw new IllegalArgumentException(address + ": a change needs a before or an after");
    }
  }
}

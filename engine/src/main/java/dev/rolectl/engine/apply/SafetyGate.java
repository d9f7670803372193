package dev.rolectl.engine.apply;

import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The safety re-check {@code apply} makes right before each change that can disrupt something
 * (every action but create and no-op): empty to go ahead, or why the change is blocked (it is then
 * not made, its dependents are skipped, and {@code apply} ends with exit code 3). The CLI wires
 * the ECS safety rules' re-check here.
 */
@FunctionalInterface
public interface SafetyGate {

  /** Empty to make the change; else the reason it is blocked, with what to do. */
  Optional<String> check(ResourceChange change);

  /**
   * Like {@link #check(ResourceChange)}, for a gate that may wait (e.g. for ECS deployments to
   * finish) and reports its waits through {@code events}. The applier calls this one.
   */
  default Optional<String> check(ResourceChange change, Consumer<EngineEvent> events) {
    return check(change);
  }

  /** Blocks nothing (targets without ECS, and tests). */
  static SafetyGate allowAll() {
    return change -> Optional.empty();
  }
}

package dev.rolectl.engine.plan;

import dev.rolectl.engine.policy.AccessImpact;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Resource;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the plan does to one resource.
 *
 * @param before the resource as live IAM has it, {@code null} when it does not exist
 * @param after the resource as the stack declares it, {@code null} when it is to be deleted
 * @param diffs attribute-level differences (empty for create, delete and no-op)
 * @param impact whether the change broadens or narrows access
 * @param reason why this action was chosen when it is not obvious (e.g. why a replace), or null
 * @param dependsOn addresses this change must wait for (creates and updates); deletes run in
 *     reverse
 * @param verdicts what the safety rules said about the change (empty until {@code safety} checked
 *     the plan, and for changes no rule concerns)
 */
public record ResourceChange(
    Address address,
    ResourceKind kind,
    Action action,
    Resource before,
    Resource after,
    List<AttributeDiff> diffs,
    AccessImpact impact,
    String reason,
    Set<Address> dependsOn,
    List<Verdict> verdicts) {

  public ResourceChange {
    Objects.requireNonNull(address, "address");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(impact, "impact");
    diffs = List.copyOf(diffs);
    dependsOn = Set.copyOf(dependsOn);
    verdicts = List.copyOf(verdicts);
    if (before == null && after == null) {
      throw new IllegalArgumentException(address + ": a change needs a before or an after");
    }
    if (action == Action.CREATE && before != null) {
      throw new IllegalArgumentException(address + ": create with a live resource");
    }
    if (action == Action.DELETE && after != null) {
      throw new IllegalArgumentException(address + ": delete with a desired resource");
    }
  }

  /** A change without verdicts (before the safety check). */
  public ResourceChange(
      Address address,
      ResourceKind kind,
      Action action,
      Resource before,
      Resource after,
      List<AttributeDiff> diffs,
      AccessImpact impact,
      String reason,
      Set<Address> dependsOn) {
    this(address, kind, action, before, after, diffs, impact, reason, dependsOn, List.of());
  }

  /** The same change with these verdicts instead of its own. */
  public ResourceChange withVerdicts(List<Verdict> verdicts) {
    return new ResourceChange(
        address, kind, action, before, after, diffs, impact, reason, dependsOn, verdicts);
  }

  /** Whether some verdict blocks the change. */
  public boolean blocked() {
    return verdicts.stream().anyMatch(Verdict::isBlock);
  }
}

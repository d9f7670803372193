package dev.rolectl.engine.api;

import dev.rolectl.engine.access.AccessAnalysis;
import dev.rolectl.engine.access.AccessChange;
import dev.rolectl.engine.access.AccessReport;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.plan.Plan;
import java.util.List;

/**
 * The access analysis of a plan against the live read it is applied to (which must hold every
 * user and group: {@link #READ}); no AWS call of its own.
 */
public final class PlanAccess {
  /** What the analysis needs read: users and groups with everything else. */
  static ReadRequest withPrincipals(ReadRequest r) {
    return new ReadRequest(true, true, r.policyTags());
  }

  private PlanAccess() {}

  public static AccessReport of(Plan plan, LiveAccount full) {
    List<AccessChange> changes = plan.effectiveChanges().stream()
        .map(c -> new AccessChange(c.address().value(), c.before(), c.after()))
        .toList();
    return AccessAnalysis.of(full, changes);
  }
}

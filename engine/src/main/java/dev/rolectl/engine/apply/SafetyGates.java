package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.safety.Safety;
import java.util.Optional;

/** {@link SafetyGate}s made from the ECS safety rules ({@link Safety#recheck}). */
public final class SafetyGates {
  private SafetyGates() {}

  /**
   * Re-checks each change against ECS right before it is made (reading ECS anew); a {@code block}
   * verdict blocks it, {@code warn} and {@code allow} let it go.
   *
   * @param live the live account the plan was made from (may be {@code null})
   */
  public static SafetyGate ecs(Plan plan, Stack stack, LiveAccount live, EcsDeployments ecs) {
    return change -> {
      Verdict v = Safety.recheck(plan, change, stack, live, ecs);
      return v != null && v.isBlock()
          ? Optional.of(v.message() + " [" + v.rule() + "]")
          : Optional.empty();
    };
  }

  /**
   * The same for a saved plan, without its stack: the declared roles come from the plan. The
   * stack's {@code settings.ecsRegions} are not in a saved plan, so ECS is read in the target's
   * region.
   */
  public static SafetyGate ecs(Plan plan, LiveAccount live, EcsDeployments ecs) {
    return ecs(plan, StalePlan.scope(plan, live.partition()), live, ecs);
  }
}

package dev.rolectl.engine.apply;

import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanMatch;
import java.util.Optional;

/**
 * Whether a saved plan may be applied (docs/security.md, "What apply checks, in order"): {@code
 * apply PLANFILE} plans the plan's stack again against live IAM ({@code resolvedStack}, the same
 * planning as {@code plan}), and applies only when that fresh plan was made from the same live
 * state (the fingerprints are equal) and has the same changes as the file ({@link PlanMatch}).
 * Nothing else in the file is trusted.
 */
public final class StalePlan {
  private StalePlan() {}

  /** What to read to plan a stack: users or groups only when it attaches policies to them. */
  public static ReadRequest readRequest(Stack stack) {
    boolean users = false;
    boolean groups = false;
    for (Resource r : stack.resources()) {
      if (r instanceof PrincipalPolicyAttachment p) {
        users |= p.principalType() == PrincipalType.USER;
        groups |= p.principalType() == PrincipalType.GROUP;
      }
    }
    return new ReadRequest(users, groups, true);
  }

  /**
   * The first difference between the file's changes and the fresh plan's when live IAM is as it
   * was when the plan was made (same account, same fingerprint): the file was edited, not
   * overtaken. Empty otherwise.
   */
  public static Optional<String> edited(Plan claimed, Plan fresh) {
    if (!claimed.accountId().equals(fresh.accountId())
        || !claimed.liveFingerprint().equals(fresh.liveFingerprint())) {
      return Optional.empty();
    }
    return PlanMatch.firstDifference(claimed, fresh);
  }

  /**
   * Empty when {@code fresh} (the saved plan's stack planned against live IAM now) is {@code
   * claimed} (the file); otherwise the message for the user, ending with what to do.
   */
  public static Optional<String> check(Plan claimed, Plan fresh) {
    if (!claimed.accountId().equals(fresh.accountId())) {
      return Optional.of(
          "stale plan: it was made for account " + claimed.accountId() + " but the target is"
              + " account " + fresh.accountId() + "; nothing was changed: run plan again against"
              + " this account");
    }
    if (!claimed.liveFingerprint().equals(fresh.liveFingerprint())) {
      if (claimed.hasChanges() && !fresh.hasChanges()) {
        return Optional.of(
            "this plan was already applied: live IAM already matches what it would make (plan"
                + " made at " + claimed.createdAt() + "); nothing was changed. Run plan again to"
                + " see whether anything else differs");
      }
      return Optional.of(
          "stale plan: live IAM changed since the plan was made at " + claimed.createdAt() + " ("
              + StaleDetails.describe(claimed, fresh) + "); nothing was changed: run plan again");
    }
    return edited(claimed, fresh).map(d ->
        "the saved plan does not match what its stack makes against live IAM now: " + d
            + ". The file was changed after it was made (or made by another rolectl version);"
            + " nothing was changed: make the plan again with 'rolectl plan STACK --out FILE'"
            + " and review it");
  }
}

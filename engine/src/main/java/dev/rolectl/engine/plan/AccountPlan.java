package dev.rolectl.engine.plan;

import java.util.Objects;

/**
 * One account's part of a {@link MultiPlan}: its plan, or why there is none.
 *
 * @param accountId 12 digits
 * @param accountName the name Organizations gives it; empty when unknown
 * @param roleArn the role assumed to reach it; {@code null} for the caller's own account
 * @param plan the plan; {@code null} when planning failed
 * @param error what went wrong and what to do; {@code null} when planned
 */
public record AccountPlan(
    String accountId, String accountName, String roleArn, Plan plan, String error) {

  /** An account's state in a report, from best to worst. */
  public enum Status {
    NO_CHANGES,
    CHANGES,
    BLOCKED,
    FAILED;

    /** Its name in the plan file and reports: {@code no-changes}, {@code blocked}... */
    public String jsonName() {
      return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
  }

  public AccountPlan {
    Objects.requireNonNull(accountId, "accountId");
    accountName = accountName == null ? "" : accountName;
    if ((plan == null) == (error == null)) {
      throw new IllegalArgumentException("an account has a plan or an error, not both or neither");
    }
  }

  public static AccountPlan planned(String id, String name, String roleArn, Plan plan) {
    return new AccountPlan(id, name, roleArn, Objects.requireNonNull(plan, "plan"), null);
  }

  public static AccountPlan failed(String id, String name, String roleArn, String error) {
    return new AccountPlan(id, name, roleArn, null, Objects.requireNonNull(error, "error"));
  }

  public Status status() {
    if (plan == null) {
      return Status.FAILED;
    }
    if (plan.blocked()) {
      return Status.BLOCKED;
    }
    return plan.hasChanges() ? Status.CHANGES : Status.NO_CHANGES;
  }

  /**
   * Whether this account's plan is incomplete: it failed (the account could not be reached, its
   * stack not resolved, or its plan had errors) or its plan records errors.
   */
  public boolean errored() {
    return plan == null || plan.errored();
  }

  /** {@code 111122223333 (name)}, or the id alone. */
  public String label() {
    return accountName.isEmpty() ? accountId : accountId + " (" + accountName + ")";
  }
}

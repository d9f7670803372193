package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;

/** More managed policies attached to a role than the account's quota. */
final class ManagedPoliciesPerRole implements LintRule {
  static final RuleInfo INFO = new RuleInfo("managed-policies-per-role", Severity.ERROR,
      "more managed policies attached to a role than settings.maxManagedPoliciesPerRole "
          + "(IAM default 10, at most 25)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    int limit = ctx.stack().settings().maxManagedPoliciesPerRole();
    for (Role r : ctx.roles()) {
      int count = ctx.attachments(r).size();
      if (count <= limit) {
        continue;
      }
      String how = limit < Quotas.MANAGED_POLICIES_PER_ROLE_MAX
          ? " The quota 'Managed policies per role' (default 10) can be raised up to "
              + Quotas.MANAGED_POLICIES_PER_ROLE_MAX + " in Service Quotas; after raising it, "
              + "set settings.maxManagedPoliciesPerRole to the new value. Otherwise"
          : " " + Quotas.MANAGED_POLICIES_PER_ROLE_MAX + " is IAM's maximum:";
      ctx.report(this, r, LintContext.rolePointer(r) + "/managedPolicies", "role " + r.name()
          + " has " + count + " managed policies attached, more than the quota of " + limit
          + " (settings.maxManagedPoliciesPerRole)." + how + " combine policies into fewer "
          + "customer managed policies");
    }
  }
}

package dev.rolectl.engine.model;

import java.util.List;

/**
 * Stack-level settings from the {@code settings:} block.
 *
 * @param maxManagedPoliciesPerRole the account's quota for attached managed policies per role
 *     (IAM default 10, maximum 25); lint warns above it
 * @param ignoreTagPrefixes live tag keys with these prefixes are not drift
 * @param ecsRegions {@code settings.ecs.regions}: regions to scan for ECS services that use the
 *     stack's roles besides every region enabled for the account (they never narrow the scan), and
 *     the only ones scanned, with a warning, when the enabled regions cannot be read
 * @param organizationDeniedRegions {@code settings.ecs.organizationDeniedRegions}: regions where
 *     an organisation policy (a service control policy) denies the ECS and EC2 reads of the
 *     safety checks on purpose; where AWS answers there that such a policy denies a read, the
 *     region is "not checked" (said in every plan) instead of blocking. {@code *}: every region.
 *     Never excuses any other failure
 */
public record StackSettings(
    int maxManagedPoliciesPerRole,
    List<String> ignoreTagPrefixes,
    List<String> ecsRegions,
    List<String> organizationDeniedRegions) {
  public static final int DEFAULT_MAX_MANAGED_POLICIES_PER_ROLE = 10;

  public StackSettings {
    ignoreTagPrefixes = List.copyOf(ignoreTagPrefixes);
    ecsRegions = List.copyOf(ecsRegions);
    organizationDeniedRegions = List.copyOf(organizationDeniedRegions);
  }

  /** Settings without organisation-denied regions. */
  public StackSettings(
      int maxManagedPoliciesPerRole, List<String> ignoreTagPrefixes, List<String> ecsRegions) {
    this(maxManagedPoliciesPerRole, ignoreTagPrefixes, ecsRegions, List.of());
  }

  public static StackSettings defaults() {
    return new StackSettings(DEFAULT_MAX_MANAGED_POLICIES_PER_ROLE, List.of(), List.of());
  }
}

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
 */
public record StackSettings(
    int maxManagedPoliciesPerRole, List<String> ignoreTagPrefixes, List<String> ecsRegions) {
  public static final int DEFAULT_MAX_MANAGED_POLICIES_PER_ROLE = 10;

  public StackSettings {
    ignoreTagPrefixes = List.copyOf(ignoreTagPrefixes);
    ecsRegions = List.copyOf(ecsRegions);
  }

  public static StackSettings defaults() {
    return new StackSettings(DEFAULT_MAX_MANAGED_POLICIES_PER_ROLE, List.of(), List.of());
  }
}

package dev.rolectl.engine.safety;

import dev.rolectl.engine.plan.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code role-recently-used}: a role about to be deleted or narrowed that IAM says was used within
 * the last hour ({@code RoleLastUsed}) gets a warning. It never allows anything: it only adds to
 * what the other rules say. No ECS call; every role counts, not only ECS infrastructure roles.
 */
final class RecentlyUsedRule {
  static final String ID = "role-recently-used";
  static final Duration RECENT = Duration.ofHours(1);

  private RecentlyUsedRule() {}

  static List<Verdict> verdicts(List<Hazard> hazards, RoleIndex roles, Instant now) {
    Map<String, Hazard> byRole = new LinkedHashMap<>();
    hazards.forEach(h -> byRole.putIfAbsent(h.role().name(), h));
    List<Verdict> out = new ArrayList<>();
    for (Hazard h : byRole.values()) {
      Optional<Instant> used = roles.lastUsed(h.role().name());
      if (used.isEmpty()) {
        continue;
      }
      Duration ago = Duration.between(used.get(), now);
      ago = ago.isNegative() ? Duration.ZERO : ago; // clocks differ a little
      if (ago.compareTo(RECENT) < 0) {
        out.add(
            Verdict.warn(
                ID,
                "Role "
                    + h.role().name()
                    + " was last used "
                    + ago(ago)
                    + " ("
                    + used.get()
                    + "): something still uses it, and "
                    + h.doing()
                    + " may break that. Find out who in CloudTrail before applying"
                    + (h.role().ecsRelevant()
                        ? " (ECS sessions are named ECSNetworkingWithELB or ecs-service-scheduler)."
                        : ".")));
      }
    }
    return out;
  }

  private static String ago(Duration d) {
    long minutes = Math.max(0, d.toMinutes());
    if (minutes == 0) {
      return "less than a minute ago";
    }
    return minutes + (minutes == 1 ? " minute ago" : " minutes ago");
  }
}

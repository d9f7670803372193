package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.RegionFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a scan could not read, worded for a verdict. In a plan ({@code brief}) the failed regions
 * are only named in short ("ECS ListClusters failed in 36 regions"): the plan says each failure
 * once in full, with its regions and what to do, however many changes it blocks. A re-check in
 * {@code apply} has no such list, so there the verdict says it all.
 */
final class Unread {
  /** Where the plan lists the failures in full. */
  static final String SEE_PLAN = "each is listed once under \"Not read\" in the plan, with what"
      + " to do";

  private Unread() {}

  static String of(List<RegionFailure> failures, Optional<String> other, boolean brief) {
    List<String> parts = new ArrayList<>();
    if (!failures.isEmpty()) {
      if (brief) {
        parts.add(RegionFailure.summary(failures) + " (" + SEE_PLAN + ")");
      } else {
        failures.forEach(f -> parts.add(f.describe()));
      }
    }
    other.ifPresent(parts::add);
    return String.join("; ", parts);
  }

  /** {@code " Not checked: 36 regions (denied by organization policy)."}, or empty. */
  static String notChecked(List<String> regions) {
    if (regions.isEmpty()) {
      return "";
    }
    return " Not checked: " + (regions.size() == 1 ? "1 region (" + regions.get(0) + ", "
        : regions.size() + " regions (") + RegionFailure.DENIED_BY_ORGANIZATION + ").";
  }

  /** E.g. {@code " in us-east-1, eu-west-1"} or {@code " in 17 regions (af-south-1 ... us-west-2)"}. */
  static String where(List<String> regions) {
    if (regions.isEmpty()) {
      return "";
    }
    if (regions.size() <= 4) {
      return " in " + String.join(", ", regions);
    }
    List<String> sorted = regions.stream().sorted().toList();
    return " in " + regions.size() + " regions (" + sorted.get(0) + " ... "
        + sorted.get(sorted.size() - 1) + ", listed in the plan's ecs.regions)";
  }

  /** The first ten, then {@code and N more}; joined with {@code "; "}. */
  static String firstOf(List<String> items) {
    if (items.size() <= 10) {
      return String.join("; ", items);
    }
    return String.join("; ", items.subList(0, 10)) + "; and " + (items.size() - 10) + " more";
  }

  static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}

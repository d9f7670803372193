package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import java.util.List;

/** The security impact of one change (DESIGN §6). */
final class Impacts {
  private Impacts() {}

  static Impact of(Action action, Resource resource, List<AttributeDiff> diffs) {
    boolean grantsNothingAlone = resource instanceof ManagedPolicy;
    switch (action) {
      case CREATE:
        return grantsNothingAlone ? Impact.NONE : Impact.BROADENING;
      case DELETE:
        return grantsNothingAlone ? Impact.NONE : Impact.NARROWING;
      case REPLACE:
        return grantsNothingAlone ? Impact.NONE : Impact.MIXED;
      case UPDATE:
      case ADOPT:
        Impact impact = Impact.NONE;
        for (AttributeDiff diff : diffs) {
          impact = impact.and(of(diff));
        }
        return impact;
      case NO_OP:
      default:
        return Impact.NONE;
    }
  }

  private static Impact of(AttributeDiff diff) {
    if (diff instanceof AttributeDiff.Document d) {
      return DocumentImpact.of(d.before(), d.after());
    }
    AttributeDiff.Value v = (AttributeDiff.Value) diff;
    if (v.attribute().equals("permissionsBoundary")) {
      if (v.after() == null) {
        return Impact.BROADENING;
      }
      return v.before() == null ? Impact.NARROWING : Impact.MIXED;
    }
    return Impact.NONE;
  }
}

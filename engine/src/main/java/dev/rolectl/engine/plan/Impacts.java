package dev.rolectl.engine.plan;

import dev.rolectl.engine.policy.AccessImpact;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import java.util.List;

/** The security impact of one change (DESIGN §6). */
final class Impacts {
  private Impacts() {}

  static AccessImpact of(Action action, Resource resource, List<AttributeDiff> diffs) {
    boolean grantsNothingAlone = resource instanceof ManagedPolicy;
    switch (action) {
      case CREATE:
        return grantsNothingAlone ? AccessImpact.NONE : AccessImpact.BROADENING;
      case DELETE:
        // Deleting a policy detaches it from every principal first: its permissions go with it.
        return resource instanceof ManagedPolicy p
            ? DocumentImpact.of(p.document(), null)
            : AccessImpact.NARROWING;
      case REPLACE:
        return grantsNothingAlone ? AccessImpact.NONE : AccessImpact.MIXED;
      case UPDATE:
      case ADOPT:
        AccessImpact impact = AccessImpact.NONE;
        for (AttributeDiff diff : diffs) {
          impact = impact.and(of(diff));
        }
        return impact;
      case NO_OP:
      default:
        return AccessImpact.NONE;
    }
  }

  private static AccessImpact of(AttributeDiff diff) {
    if (diff instanceof AttributeDiff.Document d) {
      return DocumentImpact.of(d.before(), d.after());
    }
    AttributeDiff.Value v = (AttributeDiff.Value) diff;
    if (v.attribute().equals("permissionsBoundary")) {
      if (v.after() == null) {
        return AccessImpact.BROADENING;
      }
      return v.before() == null ? AccessImpact.NARROWING : AccessImpact.MIXED;
    }
    return AccessImpact.NONE;
  }
}

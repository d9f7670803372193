package dev.rolectl.engine.plan;

import dev.rolectl.engine.policy.AccessImpact;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Resource;
import java.util.List;

/** The security impact of one change (docs/architecture.md, "Plans are data"). */
final class Impacts {
  private Impacts() {}

  /**
   * The impact of {@code action} from {@code before} to {@code after} (either may be null).
   * A replace of a role, inline policy or attachment takes the access away for a moment: with
   * the same content that is {@link AccessImpact#BRIEF_LOSS}, with less content NARROWING, with
   * more MIXED. A replaced instance profile has another name or path: MIXED (the instances of
   * the old one lose the role).
   */
  static AccessImpact of(Action action, Resource before, Resource after,
      List<AttributeDiff> diffs) {
    Resource resource = after != null ? after : before;
    if (action == Action.REPLACE && !(resource instanceof ManagedPolicy)
        && !(resource instanceof dev.rolectl.engine.model.InstanceProfile)) {
      return AccessImpact.BRIEF_LOSS.and(content(before, after));
    }
    return of(action, resource, diffs);
  }

  /** What the content of a replaced resource changes, apart from the replace itself. */
  private static AccessImpact content(Resource before, Resource after) {
    if (before instanceof Role b && after instanceof Role a) {
      AccessImpact trust = DocumentImpact.of(b.trustPolicy(), a.trustPolicy());
      if (java.util.Objects.equals(b.permissionsBoundary(), a.permissionsBoundary())) {
        return trust;
      }
      return trust.and(of(new AttributeDiff.Value("permissionsBoundary",
          b.permissionsBoundary(), a.permissionsBoundary())));
    }
    if (before instanceof InlinePolicy b && after instanceof InlinePolicy a) {
      return DocumentImpact.of(b.document(), a.document());
    }
    return AccessImpact.NONE;
  }

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

package dev.rolectl.engine.policy;

import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.PolicyDiff.StatementChange;
import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a policy diff broadens or narrows access. Broadening: an Allow statement added,
 * a Deny removed, a principal, action or resource added to an Allow (removed from a Deny), a
 * condition key removed from an Allow, NotAction/NotResource/NotPrincipal values removed from an
 * Allow. Narrowing is the opposite. Changes in both directions are MIXED; Sid, Id and Version
 * changes are NONE. Wildcard coverage is considered only for what is taken away (replacing {@code
 * s3:GetObject} with {@code s3:*} broadens only, {@link FactImpact}); adding {@code s3:GetObject}
 * next to {@code s3:*} still counts as broadening.
 */
public final class ImpactAnalysis {
  private ImpactAnalysis() {}

  /**
   * The impact of replacing {@code before} with {@code after} (either may be {@code null}),
   * computed on what the documents mean: an equivalent rewrite is NONE, a pure broadening
   * BROADENING even when statements were split or merged on the way.
   */
  public static AccessImpact of(dev.rolectl.engine.model.PolicyDocument before,
      dev.rolectl.engine.model.PolicyDocument after) {
    AccessImpact byFacts = FactImpact.of(before, after);
    return byFacts != null ? byFacts : of(StatementDiff.diff(before, after));
  }

  /** The overall impact of a diff; {@link AccessImpact#NONE} for an empty diff. */
  public static AccessImpact of(PolicyDiff diff) {
    return combine(explain(diff));
  }

  /** The impact of each change in a diff, in order: document, added, removed, changed. */
  public static List<ImpactReason> explain(PolicyDiff diff) {
    List<ImpactReason> out = new ArrayList<>();
    diff.documentChanges()
        .forEach(e -> out.add(new ImpactReason(AccessImpact.NONE, e.jsonName() + " changed")));
    for (Statement s : diff.added()) {
      out.add(new ImpactReason(direction(s, AccessImpact.BROADENING), s.effect()
          + " statement added" + Describe.statement(s)));
    }
    for (Statement s : diff.removed()) {
      out.add(new ImpactReason(direction(s, AccessImpact.NARROWING), s.effect()
          + " statement removed" + Describe.statement(s)));
    }
    for (StatementChange c : diff.changed()) {
      out.addAll(ChangeImpact.of(c));
    }
    return out;
  }

  /** Attaching a managed policy gives access. */
  public static AccessImpact attach() {
    return AccessImpact.BROADENING;
  }

  /** Detaching a managed policy takes access away. */
  public static AccessImpact detach() {
    return AccessImpact.NARROWING;
  }

  /** All impacts together ({@link AccessImpact#NONE} for none). */
  public static AccessImpact combine(List<ImpactReason> reasons) {
    AccessImpact out = AccessImpact.NONE;
    for (ImpactReason r : reasons) {
      out = out.and(r.impact());
    }
    return out;
  }

  /** {@code allowDirection} for an Allow statement, its inverse for a Deny. */
  static AccessImpact direction(Statement s, AccessImpact allowDirection) {
    return s.isDeny() ? allowDirection.inverse() : allowDirection;
  }
}

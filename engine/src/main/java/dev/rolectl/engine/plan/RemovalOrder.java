package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Access never dips during an apply (docs/apply.md, "Access never dips"): the managed policy
 * attachments and inline policies of one role are added (and updated) before any is removed, so
 * that at every moment the role has at least what both the old and the new stack grant. Removal
 * goes first only when adding first would exceed a quota on the way (aws-facts.md, "IAM quotas"):
 *
 * <ul>
 *   <li>managed policies attached to a role: {@code settings.maxManagedPoliciesPerRole} (IAM's
 *       default 10);
 *   <li>inline policies of a role: {@value #INLINE_CHARACTERS} characters in total, whitespace
 *       not counted.
 * </ul>
 *
 * The plan says so: such a removal's reason starts with {@link #REMOVE_FIRST}, and {@code apply}
 * orders by that (its wait graph reads it from the plan, saved or not).
 */
public final class RemovalOrder {
  /** The start of the reason of a removal that goes before the additions. */
  public static final String REMOVE_FIRST = "removed before the additions";

  static final int INLINE_CHARACTERS = 10_240;

  private RemovalOrder() {}

  /** Whether the plan says this removal goes before its role's additions. */
  public static boolean removesFirst(ResourceChange c) {
    return c.action() == Action.DELETE && c.reason() != null && c.reason().startsWith(REMOVE_FIRST);
  }

  /**
   * The changes with the reasons of removals that must go first rewritten.
   *
   * @param changes every change of the plan, no-ops included
   * @param maxAttachments managed policies a role may have
   */
  static List<ResourceChange> apply(List<ResourceChange> changes, int maxAttachments) {
    Map<Address, List<ResourceChange>> byRole = new LinkedHashMap<>();
    Map<Address, Action> roles = new LinkedHashMap<>();
    for (ResourceChange c : changes) {
      Resource r = c.after() != null ? c.after() : c.before();
      if (r instanceof RolePolicyAttachment || r instanceof InlinePolicy) {
        byRole.computeIfAbsent(Differ.parentOf(r), k -> new ArrayList<>()).add(c);
      } else {
        roles.put(c.address(), c.action());
      }
    }
    Map<Address, String> reasons = new LinkedHashMap<>();
    byRole.forEach(
        (role, children) -> {
          Action parent = roles.get(role);
          if (parent == Action.DELETE || parent == Action.REPLACE || parent == Action.CREATE) {
            return; // nothing to keep: the role is new, or goes away with all it has
          }
          attachments(role, children, maxAttachments, reasons);
          inline(role, children, reasons);
        });
    if (reasons.isEmpty()) {
      return changes;
    }
    List<ResourceChange> out = new ArrayList<>();
    for (ResourceChange c : changes) {
      String reason = reasons.get(c.address());
      out.add(reason == null ? c : withReason(c, reason));
    }
    return out;
  }

  private static void attachments(
      Address role, List<ResourceChange> children, int max, Map<Address, String> reasons) {
    List<ResourceChange> mine = of(children, r -> r instanceof RolePolicyAttachment);
    long live = mine.stream().filter(c -> c.before() != null).count();
    long added = mine.stream().filter(c -> c.action() == Action.CREATE).count();
    if (live + added > max) {
      mark(mine, reasons,
          role + " would have " + (live + added) + " managed policies for a moment, over the"
              + " quota of " + max + " (settings.maxManagedPoliciesPerRole)");
    }
  }

  private static void inline(Address role, List<ResourceChange> children, Map<Address, String> reasons) {
    List<ResourceChange> mine = of(children, r -> r instanceof InlinePolicy);
    int peak = 0;
    for (ResourceChange c : mine) {
      Resource r = c.action() == Action.DELETE ? c.before() : c.after();
      peak += size(((InlinePolicy) r).document());
    }
    if (peak > INLINE_CHARACTERS) {
      mark(mine, reasons,
          role + "'s inline policies would total " + peak + " characters for a moment, over"
              + " IAM's quota of " + INLINE_CHARACTERS);
    }
  }

  private static void mark(List<ResourceChange> mine, Map<Address, String> reasons, String why) {
    for (ResourceChange c : mine) {
      if (c.action() == Action.DELETE) {
        reasons.put(c.address(), REMOVE_FIRST + ": " + why
            + (c.reason() == null ? "" : "; " + c.reason()));
      }
    }
  }

  private static List<ResourceChange> of(List<ResourceChange> children, Predicate<Resource> kind) {
    return children.stream()
        .filter(c -> kind.test(c.after() != null ? c.after() : c.before()))
        .toList();
  }

  /** The size IAM counts: characters of the compact JSON (no whitespace outside strings). */
  static int size(PolicyDocument d) {
    String json = PolicyParser.toJson(d);
    return json.codePointCount(0, json.length());
  }

  private static ResourceChange withReason(ResourceChange c, String reason) {
    return new ResourceChange(c.address(), c.kind(), c.action(), c.before(), c.after(), c.diffs(),
        c.impact(), reason, c.dependsOn(), c.verdicts());
  }
}

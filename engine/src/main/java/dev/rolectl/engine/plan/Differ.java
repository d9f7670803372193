package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Compares a stack with live IAM and produces a {@link Plan}. Pure: no I/O, same inputs give the
 * same plan.
 */
public final class Differ {
  private final Stack stack;
  private final CurrentState current;
  private final PlanOptions options;
  private final Map<Address, Resource> desired = new TreeMap<>();
  private final AttributeDiffs attributeDiffs;
  private final Map<Address, Action> topLevelActions = new HashMap<>();
  private final Map<Address, Verdict> protectedParents = new HashMap<>();
  private final List<Diagnostic> diagnostics = new ArrayList<>();
  private final AddedPolicyImpact added;

  private Differ(Stack stack, LiveAccount live, PlanOptions options) {
    this.stack = stack;
    this.added = new AddedPolicyImpact(stack, live);
    this.current = CurrentState.of(stack, live);
    this.options = options;
    this.attributeDiffs = new AttributeDiffs(stack.settings().ignoreTagPrefixes());
    for (Resource r : stack.resources()) {
      desired.put(r.address(), OwnerTag.withOwner(r, stack.name()));
    }
  }

  /** Plans the changes that make {@code live} match {@code stack}. */
  public static PlanResult plan(Stack stack, LiveAccount live, PlanOptions options) {
    return new Differ(stack, live, options).run(live);
  }

  private PlanResult run(LiveAccount live) {
    UnreadableLive.exclude(desired, UnreadableLive.check(stack, live, diagnostics));
    diagnostics.addAll(MissingPrincipals.check(stack, live));
    diagnostics.addAll(AwsOwnedRoles.check(stack, live));
    diagnostics.addAll(AttachmentOwners.check(stack, live));
    TreeSet<Address> all = new TreeSet<>(desired.keySet());
    all.addAll(current.resources().keySet());
    Map<Address, ResourceChange> changes = new TreeMap<>();
    for (Address address : all) {
      Resource d = desired.get(address);
      Resource c = current.resources().get(address);
      Resource any = d != null ? d : c;
      if (isTopLevel(any)) {
        topLevel(address, d, c).ifPresent(ch -> changes.put(address, ch));
      }
    }
    for (Address address : all) {
      Resource d = desired.get(address);
      Resource c = current.resources().get(address);
      Resource any = d != null ? d : c;
      if (any instanceof InstanceProfile) {
        instanceProfile(address, (InstanceProfile) d, (InstanceProfile) c)
            .ifPresent(ch -> changes.put(address, ch));
      } else if (!isTopLevel(any)) {
        child(address, d, c).ifPresent(ch -> changes.put(address, ch));
      }
    }
    diagnostics.addAll(PolicyDeletes.check(changes.values(), live, stack));
    if (diagnostics.stream()
        .anyMatch(d -> d.isError() && !d.rule().equals(UnreadableLive.DECLARED))) {
      return new PlanResult(Optional.empty(), diagnostics);
    }
    ResolvedStack resolved = new ResolvedStack(stack, options.adoptAll());
    Plan plan =
        new Plan(
            Plan.FORMAT_VERSION,
            stack.name(),
            resolved.digest(),
            Fingerprints.live(stack, live.accountId(), current.resources().values()),
            live.accountId(),
            options.target(),
            options.now(),
            RemovalOrder.apply(
                TrustPhases.apply(
                    List.copyOf(changes.values()), stack.partition(), stack.accountId()),
                stack.settings().maxManagedPoliciesPerRole()),
            null,
            null,
            List.of(),
            resolved);
    return new PlanResult(Optional.of(plan), diagnostics);
  }

  private Optional<ResourceChange> topLevel(Address address, Resource d, Resource c) {
    boolean adopt = options.adoptAll() || adoptRequested(d);
    String replaceReason = null;
    List<AttributeDiff> diffs = List.of();
    if (d != null && c != null) {
      if (d instanceof Role dr && c instanceof Role cr) {
        replaceReason = AttributeDiffs.roleReplaceReason(cr, dr);
        diffs = attributeDiffs.role(cr, dr);
      } else if (d instanceof ManagedPolicy dp && c instanceof ManagedPolicy cp) {
        replaceReason = AttributeDiffs.policyReplaceReason(cp, dp);
        diffs = attributeDiffs.policy(cp, dp);
      }
    }
    Decision decision =
        Actions.decide(
            d != null,
            c != null,
            current.ownershipOf(address),
            adopt,
            replaceReason,
            !diffs.isEmpty(),
            new Actions.Stacks(stack.name(), c == null ? null : ownerTag(c)));
    if (decision instanceof Decision.Refuse refuse) {
      diagnostics.add(
          new Diagnostic(
              dev.rolectl.engine.model.Severity.ERROR,
              "not-managed",
              d.location(),
              address,
              address + ": " + refuse.message()));
      return Optional.empty();
    }
    Decision.Act act = (Decision.Act) decision;
    topLevelActions.put(address, act.action());
    if (act.action() == Action.REPLACE || act.action() == Action.CREATE || act.action() == Action.DELETE) {
      diffs = List.of();
    }
    ResourceChange change = change(address, act.action(), c, d, diffs, act.reason());
    Optional<Verdict> kept = Protection.verdict(change);
    kept.ifPresent(v -> protectedParents.put(address, v));
    return Optional.of(change.withVerdicts(kept.stream().toList()));
  }

  /** The live resource's {@code rolectl:stack} tag, or null. */
  private static String ownerTag(Resource live) {
    Map<String, String> tags = live instanceof Role r ? r.tags()
        : live instanceof ManagedPolicy p ? p.tags() : Map.of();
    return tags.get(dev.rolectl.engine.model.Stack.OWNER_TAG);
  }

  private Optional<ResourceChange> child(Address address, Resource d, Resource c) {
    Resource any = d != null ? d : c;
    Action parent = topLevelActions.get(parentOf(any));
    if (parent == null) {
      return Optional.empty(); // parent refused: the plan fails anyway
    }
    List<AttributeDiff> diffs = List.of();
    Action action;
    String reason = null;
    if (d == null) {
      action = Action.DELETE;
      reason = parent == Action.DELETE ? impliedBy(any) : "not in the stack (drift)";
    } else if (c == null) {
      action = Action.CREATE;
    } else if (parent == Action.REPLACE) {
      action = Action.REPLACE;
      reason = "its " + ResourceKind.of(parentResource(any)).label() + " is replaced";
    } else {
      if (d instanceof InlinePolicy di && c instanceof InlinePolicy ci) {
        diffs = attributeDiffs.inline(ci, di);
      }
      action = diffs.isEmpty() ? Action.NO_OP : Action.UPDATE;
    }
    ResourceChange change = change(address, action, c, d, diffs, reason);
    boolean newPrincipal = parent == Action.CREATE && !(any instanceof PrincipalPolicyAttachment);
    if (action == Action.CREATE && !newPrincipal) {
      change = withImpact(change, added.of(d)); // the principal exists: a Deny takes from it
    }
    Verdict parentKept = protectedParents.get(parentOf(any));
    if (parentKept != null && (action == Action.DELETE || action == Action.REPLACE)) {
      change = change.withVerdicts(List.of(Protection.withParent(change, parentKept)));
    }
    return Optional.of(change);
  }

  /**
   * The change of a role's instance profile: created, deleted (with its role, or when no longer
   * declared), adopted (only with {@code adopt}, as roles are), replaced when its name or path
   * changes, updated (the role in it, tags) otherwise. When its role is replaced the role's own
   * change takes it out and puts it back, so the profile itself changes only as declared.
   */
  private Optional<ResourceChange> instanceProfile(Address address, InstanceProfile d,
      InstanceProfile c) {
    Resource any = d != null ? d : c;
    Action parent = topLevelActions.get(parentOf(any));
    if (parent == null && d != null) {
      return Optional.empty(); // its role was refused: the plan fails anyway
    }
    String replaceReason = null;
    List<AttributeDiff> diffs = List.of();
    if (d != null && c != null) {
      replaceReason = AttributeDiffs.instanceProfileReplaceReason(c, d);
      diffs = attributeDiffs.instanceProfile(c, d);
    }
    Decision decision = Actions.decide(d != null, c != null, current.ownershipOf(address),
        options.adoptAll() || (d != null && d.adopt()), replaceReason, !diffs.isEmpty(),
        new Actions.Stacks(stack.name(), c == null ? null : c.tags().get(Stack.OWNER_TAG)));
    if (decision instanceof Decision.Refuse refuse) {
      diagnostics.add(new Diagnostic(dev.rolectl.engine.model.Severity.ERROR, "not-managed",
          d.location(), address, address + " (instance profile " + d.name() + "): "
              + refuse.message()));
      return Optional.empty();
    }
    Decision.Act act = (Decision.Act) decision;
    String reason = act.reason();
    if (act.action() == Action.DELETE) {
      reason = parent == Action.DELETE ? "its role is deleted" : "not in the stack any more";
    }
    if (act.action() == Action.REPLACE || act.action() == Action.CREATE
        || act.action() == Action.DELETE) {
      diffs = List.of();
    }
    ResourceChange change = change(address, act.action(), c, d, diffs, reason);
    Verdict parentKept = protectedParents.get(parentOf(any));
    if (parentKept != null && (act.action() == Action.DELETE || act.action() == Action.REPLACE)) {
      change = change.withVerdicts(List.of(Protection.withParent(change, parentKept)));
    }
    return Optional.of(change);
  }

  /** Why a child of a deleted resource goes: said for detachments from other principals. */
  private static String impliedBy(Resource child) {
    return child instanceof PrincipalPolicyAttachment p
        ? "detached because " + Address.policy(p.policyName()) + " is deleted"
        : null;
  }

  private Resource parentResource(Resource child) {
    Address p = parentOf(child);
    Resource r = desired.get(p);
    return r != null ? r : current.resources().get(p);
  }

  private ResourceChange change(
      Address address, Action action, Resource before, Resource after, List<AttributeDiff> diffs, String reason) {
    Resource any = after != null ? after : before;
    Resource beforeKept = action == Action.CREATE ? null : before;
    Resource afterKept = action == Action.DELETE ? null : after;
    return new ResourceChange(
        address,
        ResourceKind.of(any),
        action,
        beforeKept,
        afterKept,
        diffs,
        Impacts.of(action, before, after, diffs),
        reason,
        any.dependsOn());
  }

  private static ResourceChange withImpact(ResourceChange c, dev.rolectl.engine.policy.AccessImpact impact) {
    return new ResourceChange(c.address(), c.kind(), c.action(), c.before(), c.after(), c.diffs(),
        impact, c.reason(), c.dependsOn(), c.verdicts());
  }

  private static boolean isTopLevel(Resource r) {
    return r instanceof Role || r instanceof ManagedPolicy;
  }

  private static boolean adoptRequested(Resource d) {
    if (d instanceof Role r) {
      return r.adopt();
    }
    if (d instanceof ManagedPolicy p) {
      return p.adopt();
    }
    return false;
  }

  static Address parentOf(Resource child) {
    if (child instanceof RolePolicyAttachment a) {
      return Address.role(a.roleName());
    }
    if (child instanceof InlinePolicy i) {
      return Address.role(i.roleName());
    }
    if (child instanceof PrincipalPolicyAttachment p) {
      return Address.policy(p.policyName());
    }
    if (child instanceof InstanceProfile) {
      String a = child.address().value();
      return new Address(a.substring(0, a.length() - ".instanceProfile".length()));
    }
    throw new IllegalArgumentException(child.address() + " is not a child resource");
  }
}

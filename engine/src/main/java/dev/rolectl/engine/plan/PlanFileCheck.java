package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.AccessImpact;
import dev.rolectl.engine.policy.ImpactAnalysis;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What a saved plan must be to be read at all ({@code show}, {@code apply}, {@code merge}): exactly
 * what rolectl writes for the data it holds, so that no field says something else than the data
 * {@code show} renders and {@code apply} uses. Checked here, without AWS:
 *
 * <ul>
 *   <li>the file is what {@link PlanFile#write} gives for the plan read from it (the {@code
 *       signature} aside): no field added, left out or of another type, and the fields rolectl
 *       derives ({@code summary}, {@code blocked}, {@code errored}, the {@code diffs}' values and
 *       {@code statements}) agree with what they derive from;
 *   <li>{@code stackHash} is the digest of {@code resolvedStack}, whose name and account are the
 *       plan's, and whose resources have the addresses their names give;
 *   <li>each change's address, kind and action fit its {@code before} and {@code after}, it has
 *       {@code diffs} only when it updates or adopts, and its {@code impact} is the one the differ
 *       gives (where that needs no live state: a policy added to a principal that exists is
 *       judged at apply, which plans again).
 * </ul>
 *
 * Whether the changes are what the stack makes against live IAM is for {@code apply} to check
 * (it plans again); this class makes sure that what is shown is what would be checked.
 */
final class PlanFileCheck {
  private PlanFileCheck() {}

  /** @throws PlanFormatException naming the first field that does not fit */
  static void check(JsonNode root, Plan plan) {
    asWritten(root, plan, false);
    resolved(plan);
    Map<Address, Action> actions = new HashMap<>();
    plan.changes().forEach(c -> actions.put(c.address(), c.action()));
    for (int i = 0; i < plan.changes().size(); i++) {
      change("changes[" + i + "] (" + plan.changes().get(i).address() + ")",
          plan.changes().get(i), actions, plan.resolved().stack());
    }
    asWritten(root, plan, true);
  }

  private static void asWritten(JsonNode root, Plan plan, boolean withDigest) {
    ObjectNode file = root.deepCopy();
    file.remove("signature");
    ObjectNode written = (ObjectNode) PlanFile.tree(plan);
    if (!withDigest) {
      // the digest is derived from the stack, account and changes: a field that differs there is
      // the one to name, so it is compared after the other checks
      file.remove("digest");
      written.remove("digest");
    }
    Optional<JsonDifference> d = JsonDifference.first(file, written);
    if (d.isEmpty()) {
      return;
    }
    JsonDifference diff = d.get();
    String what = diff.right() == null
        ? " is not a field rolectl writes there"
        : diff.left() == null
            ? " is missing"
            : ": the file has " + JsonDifference.shown(diff.left()) + " where rolectl writes "
                + JsonDifference.shown(diff.right()) + " for what the file holds";
    throw new PlanFormatException(diff.path() + what + " (the file was edited or damaged); make"
        + " the plan again with 'rolectl plan --out FILE'");
  }

  private static void resolved(Plan plan) {
    Stack stack = plan.resolved().stack();
    if (!stack.name().equals(plan.stack())) {
      throw edited("resolvedStack.name is " + stack.name() + " but the plan is of stack "
          + plan.stack());
    }
    if (!stack.accountId().equals(plan.accountId())) {
      throw edited("the plan is for account " + plan.accountId() + " but its stack was resolved"
          + " for account " + stack.accountId() + " (resolvedStack.accountId)");
    }
    String digest = plan.resolved().digest();
    if (!digest.equals(plan.stackHash())) {
      throw edited("stackHash " + plan.stackHash() + " is not the digest of resolvedStack ("
          + digest + ")");
    }
    for (int i = 0; i < stack.resources().size(); i++) {
      Resource r = stack.resources().get(i);
      Address expected = address(r);
      if (!r.address().equals(expected)) {
        throw edited("resolvedStack.resources[" + i + "] has address " + r.address() + " but its"
            + " names give " + expected);
      }
    }
  }

  private static void change(String at, ResourceChange c, Map<Address, Action> actions, Stack stack) {
    Resource r = c.after() != null ? c.after() : c.before();
    Address expected = TrustPhases.isSecondPhase(c)
        ? new Address(r.address() + TrustPhases.SUFFIX) : r.address();
    // live resources are known by the declared name where it differs only in case (IAM's rule)
    if (!c.address().equals(expected)
        || !r.address().value().equalsIgnoreCase(address(r).value())) {
      throw edited(at + ": the address does not fit its resource (" + address(r) + ")");
    }
    if (c.kind() != ResourceKind.of(r)
        || (c.before() != null && c.after() != null && c.before().getClass() != c.after().getClass())) {
      throw edited(at + ": kind " + c.kind().label() + " does not fit its before and after");
    }
    boolean both = c.before() != null && c.after() != null;
    if (!both && c.action() != Action.CREATE && c.action() != Action.DELETE) {
      throw edited(at + ": a change with action " + c.action().jsonName() + " needs a before and"
          + " an after");
    }
    if (!c.diffs().isEmpty() && c.action() != Action.UPDATE && c.action() != Action.ADOPT) {
      throw edited(at + ": a change with action " + c.action().jsonName() + " has no diffs");
    }
    expectedImpact(c, r, actions, stack).filter(i -> i != c.impact()).ifPresent(i -> {
      throw edited(at + ": impact " + name(c.impact()) + " is not what the change does ("
          + name(i) + ")");
    });
  }

  /**
   * The differ's impact, where it needs no live state: all but a policy added to a role, user
   * or group that exists (its document may be the account's).
   */
  private static Optional<AccessImpact> expectedImpact(
      ResourceChange c, Resource r, Map<Address, Action> actions, Stack stack) {
    boolean child = !(r instanceof Role) && !(r instanceof ManagedPolicy)
        && !(r instanceof InstanceProfile); // a profile's impact needs no live state
    if (c.action() != Action.CREATE || !child) {
      return Optional.of(Impacts.of(c.action(), c.before(), c.after(), c.diffs()));
    }
    boolean newPrincipal = actions.get(Differ.parentOf(r)) == Action.CREATE
        && !(r instanceof PrincipalPolicyAttachment);
    if (newPrincipal) {
      return Optional.of(Impacts.of(c.action(), c.before(), c.after(), c.diffs()));
    }
    if (r instanceof InlinePolicy p) {
      return Optional.of(ImpactAnalysis.of(null, p.document()));
    }
    String arn = r instanceof RolePolicyAttachment a ? a.policyArn()
        : ((PrincipalPolicyAttachment) r).policyArn();
    return stack.resources(ManagedPolicy.class)
        .filter(p -> p.arn(stack.partition(), stack.accountId()).equals(arn))
        .findFirst()
        .map(ManagedPolicy::document)
        .map(d -> ImpactAnalysis.of((PolicyDocument) null, d));
  }

  /** The address a resource's names give it. */
  static Address address(Resource r) {
    if (r instanceof Role role) {
      return Address.role(role.name());
    }
    if (r instanceof ManagedPolicy p) {
      return Address.policy(p.name());
    }
    if (r instanceof RolePolicyAttachment a) {
      return Address.attachment(a.roleName(), a.policyArn());
    }
    if (r instanceof InlinePolicy i) {
      return Address.inline(i.roleName(), i.policyName());
    }
    if (r instanceof InstanceProfile ip) { // a live one may hold no role: known by its address
      return ip.roleName() == null ? ip.address() : Address.instanceProfile(ip.roleName());
    }
    PrincipalPolicyAttachment a = (PrincipalPolicyAttachment) r;
    return Address.principalAttachment(a.policyName(), a.principalType(), a.principalName());
  }

  private static String name(AccessImpact i) {
    return i.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static PlanFormatException edited(String what) {
    return new PlanFormatException(what + ": the file was edited; make the plan again with"
        + " 'rolectl plan --out FILE'");
  }
}

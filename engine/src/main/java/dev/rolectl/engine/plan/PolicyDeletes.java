package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What deleting a customer managed policy implies (IAM's {@code DeletePolicy} rules): it is
 * detached from every user, group and role first, and it cannot be deleted at all while it is
 * any principal's permissions boundary ({@code DeleteConflict}).
 *
 * <ul>
 *   <li>Planning reads users and groups as well when the stack deletes or replaces one of its
 *       policies ({@link #readRequest}), so that every detachment is a change in the plan, not a
 *       surprise of apply.
 *   <li>A policy that a principal uses as its permissions boundary is not deleted: planning stops
 *       with an error ({@value #RULE}) that names the principals, unless this same plan takes the
 *       boundary away from them (apply then does that first).
 * </ul>
 */
public final class PolicyDeletes {
  static final String RULE = "policy-in-use";

  private PolicyDeletes() {}

  /**
   * What to read to plan {@code stack}, given a first read made with {@code first}: users and
   * groups too when the stack will delete or replace one of its policies. Equal to {@code first}
   * otherwise (no second read needed).
   */
  public static ReadRequest readRequest(Stack stack, LiveAccount live, ReadRequest first) {
    Map<String, ManagedPolicy> declared =
        stack.resources(ManagedPolicy.class)
            .collect(Collectors.toMap(p -> p.name().toLowerCase(java.util.Locale.ROOT), p -> p, (a, b) -> a));
    for (LiveManagedPolicy p : live.policies().values()) {
      if (!stack.name().equals(p.tags().get(Stack.OWNER_TAG))) {
        continue;
      }
      ManagedPolicy d = declared.get(p.name().toLowerCase(java.util.Locale.ROOT));
      if (d == null || AttributeDiffs.policyReplaceReason(asLive(p), d) != null) {
        return new ReadRequest(true, true, first.policyTags());
      }
    }
    return first;
  }

  /** For a saved plan: users and groups when it deletes or replaces a policy. */
  public static boolean needsPrincipals(Plan plan) {
    return plan.changes().stream()
        .anyMatch(
            c -> c.kind() == ResourceKind.MANAGED_POLICY
                && (c.action() == Action.DELETE || c.action() == Action.REPLACE));
  }

  /** Errors for policy deletes (and replaces) that IAM would refuse: boundary in use. */
  static List<Diagnostic> check(Collection<ResourceChange> changes, LiveAccount live, Stack stack) {
    List<Diagnostic> out = new ArrayList<>();
    for (ResourceChange c : changes) {
      if (c.kind() != ResourceKind.MANAGED_POLICY
          || (c.action() != Action.DELETE && c.action() != Action.REPLACE)) {
        continue;
      }
      ManagedPolicy before = (ManagedPolicy) c.before();
      String arn = before.arn(live.partition(), live.accountId());
      List<String> users = boundedPrincipals(arn, live, changes);
      if (users.isEmpty()) {
        continue;
      }
      // a policy removed from the stack has no place in a file: the address names it
      Location where = c.after() != null ? c.after().location() : null;
      out.add(
          new Diagnostic(
              Severity.ERROR,
              RULE,
              where,
              c.address(),
              "policy " + arn + " cannot be "
                  + (c.action() == Action.DELETE ? "deleted" : "replaced (deleted, then created)")
                  + ": it is the permissions boundary of " + String.join(", ", users)
                  + ", and IAM refuses to delete a policy in use as a boundary. Remove it as their"
                  + " permissionsBoundary first (or keep the policy in stack " + stack.name()
                  + "), then plan again."));
    }
    return out;
  }

  /** Principals whose boundary is {@code arn} and that this plan leaves so. */
  private static List<String> boundedPrincipals(
      String arn, LiveAccount live, Collection<ResourceChange> changes) {
    Set<Address> freed =
        changes.stream()
            .filter(c -> c.kind() == ResourceKind.ROLE && c.before() != null)
            .filter(c -> c.action() == Action.DELETE
                || (c.after() != null && !arn.equalsIgnoreCase(((Role) c.after()).permissionsBoundary())))
            .map(ResourceChange::address)
            .collect(Collectors.toSet());
    Set<String> freedNames =
        changes.stream()
            .filter(c -> freed.contains(c.address()))
            .map(c -> ((Role) c.before()).name())
            .collect(Collectors.toSet());
    List<String> out = new ArrayList<>();
    for (LiveRole r : live.roles().values()) {
      if (arn.equalsIgnoreCase(r.permissionsBoundaryArn()) && !freedNames.contains(r.name())) {
        out.add("role " + r.name());
      }
    }
    for (LivePrincipal p : live.principals()) {
      if (arn.equalsIgnoreCase(p.permissionsBoundaryArn())) {
        out.add((p.type() == PrincipalType.USER ? "user " : "group ") + p.name());
      }
    }
    return out;
  }

  private static ManagedPolicy asLive(LiveManagedPolicy p) {
    return new ManagedPolicy(Address.policy(p.name()), CurrentState.LIVE, p.name(), p.path(),
        p.description(), p.defaultDocument(), p.tags(), false, Set.of());
  }
}

package dev.rolectl.engine.access;

import dev.rolectl.engine.live.LiveAccount;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Effective access before and after a plan, from the live read and the plan's changes alone (no
 * AWS call): for every principal a change alters, what it can newly do ({@link CanDo}) and which
 * roles it can newly pass or assume; for every role the plan touches or whose access changes, who
 * can assume and pass it before and after ({@link RoleScan}); and the verdict.
 */
public final class AccessAnalysis {
  /**
   * Roles a changed principal is found newly able to pass or assume, named at most (beyond the
   * roles the plan touches): its can-do facts already cover the rest, e.g. {@code iam:PassRole on
   * *}; the verdict does not depend on naming them all.
   */
  static final int ROLES_NAMED = 50;

  /** New facts kept in a report at most (the rest are counted). */
  static final int MAX_FACTS = 500;

  private AccessAnalysis() {}

  /**
   * The access report of applying {@code changes} to {@code live}, which must hold every user and
   * group (a read with users and groups).
   */
  public static AccessReport of(LiveAccount live, List<AccessChange> changes) {
    AccountView before = AccountView.of(live);
    AccountView after = PlannedView.of(before, changes);
    Map<String, Set<String>> principals = Affected.of(before, after, changes);
    Map<String, Set<String>> roleChanges = Affected.roles(changes);
    Set<String> touchedRoles = new LinkedHashSet<>(roleChanges.keySet());
    principals.keySet().stream().filter(k -> k.startsWith("role/"))
        .forEach(k -> touchedRoles.add(k.substring(5)));

    List<AccessReport.NewAccess> facts = new ArrayList<>();
    for (Map.Entry<String, Set<String>> p : principals.entrySet()) {
      Subject sb = before.subject(p.getKey());
      Subject sa = after.subject(p.getKey());
      for (CanDo.Fact f : CanDo.newly(sb, sa)) {
        facts.add(new AccessReport.NewAccess(sa.who().name(), f.action(), f.resource(),
            f.detail().isEmpty() ? "" : "when " + f.detail(), f.grant(), List.copyOf(f.unknowns()),
            List.copyOf(p.getValue())));
      }
    }
    List<AccessReport.RoleAccess> tables = new ArrayList<>();
    for (String role : touchedRoles) {
      RoleScan scan = new RoleScan(before, after, role);
      scan.run(scan.candidates(), true);
      tables.add(RoleTables.of(before, after, role, scan));
      Set<String> own = new LinkedHashSet<>(roleChanges.getOrDefault(role, Set.of()));
      own.addAll(principals.getOrDefault("role/" + role, Set.of()));
      scan.found.forEach(f -> facts.add(withChanges(f.fact(), own,
          f.key() == null ? Set.of() : principals.getOrDefault(f.key(), Set.of()))));
    }
    List<String> otherRoles = after.roles.keySet().stream()
        .filter(r -> !touchedRoles.contains(r)).toList();
    for (Map.Entry<String, Set<String>> p : principals.entrySet()) {
      boolean own = mayPassOrAssume(before, p.getKey()) || mayPassOrAssume(after, p.getKey());
      Subject subject = after.subject(p.getKey()) != null ? after.subject(p.getKey())
          : before.subject(p.getKey());
      java.util.function.Predicate<String> worth = reach(before.subject(p.getKey()),
          after.subject(p.getKey()));
      int named = 0;
      for (String role : otherRoles) {
        boolean direct = namesDirectly(before.trust(role), subject.who())
            || namesDirectly(after.trust(role), subject.who());
        boolean reached = own && named < ROLES_NAMED
            && worth.test(after.roleArn(after.roles.get(role)));
        if (direct || reached) {
          var found = new RoleScan(before, after, role).run(List.of(p.getKey()), false).found;
          named += found.size();
          found.forEach(f -> facts.add(withChanges(f.fact(), p.getValue(), Set.of())));
        }
      }
    }
    return report(facts, tables, changes);
  }

  /**
   * The role ARNs whose passing or assuming a principal's change can newly allow: with the same
   * boundary and no Deny gone, only those an Allow it did not have before covers for {@code
   * iam:PassRole} or {@code sts:AssumeRole}; otherwise any.
   */
  private static java.util.function.Predicate<String> reach(Subject before, Subject after) {
    if (before == null || after == null
        || !java.util.Objects.equals(before.boundary(), after.boundary())
        || !after.denies().containsAll(before.denies())) {
      return arn -> true;
    }
    Set<Rule> had = new java.util.HashSet<>(before.identity());
    List<Rule> added = after.identity().stream()
        .filter(r -> r.allow() && !had.contains(r)
            && (r.coversAction("iam:passrole") || r.coversAction("sts:assumerole")))
        .toList();
    return arn -> added.stream().anyMatch(r -> r.coversResource(arn));
  }

  /** Whether a trust statement admits the principal by its own ARN, or anyone. */
  private static boolean namesDirectly(List<Rule> trust, Who who) {
    return trust != null && trust.stream()
        .anyMatch(t -> t.allow() && Evaluator.named(t, who) == Evaluator.Named.DIRECT);
  }

  private static boolean mayPassOrAssume(AccountView v, String key) {
    return v.mayDo("iam:passrole").contains(key) || v.mayDo("sts:assumerole").contains(key);
  }

  private static AccessReport.NewAccess withChanges(AccessReport.NewAccess f, Set<String> a,
      Set<String> b) {
    Set<String> all = new TreeSet<>(a);
    all.addAll(b);
    return new AccessReport.NewAccess(f.principal(), f.action(), f.resource(), f.detail(),
        f.grant(), f.unknowns(), List.copyOf(all));
  }

  private static AccessReport report(List<AccessReport.NewAccess> facts,
      List<AccessReport.RoleAccess> tables, List<AccessChange> changes) {
    facts.sort(Comparator.comparing(AccessReport.NewAccess::grant).reversed()
        .thenComparing(AccessReport.NewAccess::principal)
        .thenComparing(AccessReport.NewAccess::resource)
        .thenComparing(AccessReport.NewAccess::action)
        .thenComparing(AccessReport.NewAccess::detail));
    Grant verdict = Grant.NO;
    Map<String, Grant> byChange = new HashMap<>();
    changes.forEach(c -> byChange.put(c.address(), Grant.NO));
    for (AccessReport.NewAccess f : facts) {
      verdict = verdict.or(f.grant());
      f.changes().forEach(a -> byChange.merge(a, f.grant(), Grant::or));
    }
    int omitted = Math.max(0, facts.size() - MAX_FACTS);
    List<AccessReport.NewAccess> kept = facts.subList(0, Math.min(facts.size(), MAX_FACTS));
    return new AccessReport(verdict, kept, omitted, tables, byChange, List.of(AccessReport.SCOPE));
  }
}

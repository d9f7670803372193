package dev.rolectl.engine.access;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Who can assume one role and who can pass it (to which services), before and after the plan:
 * every given principal of the account is asked, and everyone outside it that the trust names.
 */
final class RoleScan {
  private final AccountView before;
  private final AccountView after;
  private final String roleKey;
  private final RoleState rb;
  private final RoleState ra;
  private final List<Rule> trustBefore;
  private final List<Rule> trustAfter;
  /** The role's ARN and condition keys before and after (a path or tag change differs). */
  private final Probe.Resource arn;
  private final String name;

  /** Entries for the role's table. */
  final List<AccessReport.Entry> assumersBefore = new ArrayList<>();
  final List<AccessReport.Entry> assumersAfter = new ArrayList<>();
  final List<AccessReport.Entry> passersBefore = new ArrayList<>();
  final List<AccessReport.Entry> passersAfter = new ArrayList<>();
  /** New facts, each with the principal's key ({@code null} for outsiders). */
  final List<Found> found = new ArrayList<>();

  /** A new fact about this role and the principal ({@code key}, null for one outside). */
  record Found(String key, AccessReport.NewAccess fact) {}

  RoleScan(AccountView before, AccountView after, String roleKey) {
    this.before = before;
    this.after = after;
    this.roleKey = roleKey;
    this.rb = before.roles.get(roleKey);
    this.ra = after.roles.get(roleKey);
    this.trustBefore = before.trust(roleKey);
    this.trustAfter = after.trust(roleKey);
    RoleState any = ra != null ? ra : rb;
    String arnAfter = ra != null ? after.roleArn(ra) : before.roleArn(rb);
    String arnBefore = rb != null ? before.roleArn(rb) : arnAfter;
    this.arn = new Probe.Resource(arnBefore, arnAfter,
        RoleFacts.resourceKeys(before, rb != null ? rb : ra),
        RoleFacts.resourceKeys(after, ra != null ? ra : rb));
    this.name = "role " + any.name;
  }

  /**
   * Every principal worth asking about this role: those whose own policies may allow passing or
   * assuming roles, and those the trust names by ARN (everyone when it names anyone).
   */
  Collection<String> candidates() {
    Set<String> out = new LinkedHashSet<>();
    for (AccountView v : List.of(before, after)) {
      out.addAll(v.mayDo("iam:passrole"));
      List<Rule> trust = v.trust(roleKey);
      if (trust == null) {
        continue;
      }
      out.addAll(v.mayDo("sts:assumerole"));
      for (Rule t : trust) {
        var p = t.principal() != null ? t.principal() : t.notPrincipal();
        if (p == null) {
          continue;
        }
        if (p.wildcard() || t.notPrincipal() != null
            || p.byType().getOrDefault("AWS", List.of()).contains("*")) {
          out.addAll(v.subjectKeys());
          continue;
        }
        for (String arn : p.byType().getOrDefault("AWS", List.of())) {
          String key = v.keyOfArn(arn);
          if (key != null) {
            out.add(key);
          }
        }
      }
    }
    return out;
  }

  /** Asks every principal in {@code keys}; with {@code table}, fills the role's table too. */
  RoleScan run(Collection<String> keys, boolean table) {
    for (String key : keys) {
      Subject sb = rb == null ? null : before.subject(key);
      Subject sa = ra == null ? null : after.subject(key);
      if (sb == null && sa == null) {
        continue;
      }
      String who = (sa != null ? sa : sb).who().name();
      if (passCandidate(sb) || passCandidate(sa)) {
        pass(key, who, sb, sa, table);
      }
      if (assumeCandidate(sb, trustBefore) || assumeCandidate(sa, trustAfter)) {
        Probe.Result r = Probe.run(new Probe.Side(sb, trustBefore), new Probe.Side(sa, trustAfter),
            true, "sts:assumerole", arn, Map.of());
        record(key, who, "sts:AssumeRole", "", r, table ? assumersBefore : null,
            table ? assumersAfter : null);
      }
    }
    if (table) {
      Set<Who> outside = new LinkedHashSet<>(RoleFacts.outsiders(trustBefore, before.accountId));
      outside.addAll(RoleFacts.outsiders(trustAfter, after.accountId));
      for (Who w : outside) {
        Probe.Result r = Probe.outsider(w, trustBefore, trustAfter, arn);
        record(null, w.name(), "sts:AssumeRole", "", r, assumersBefore, assumersAfter);
      }
    }
    return this;
  }

  private void pass(String key, String who, Subject sb, Subject sa, boolean table) {
    List<Rule> statements = new ArrayList<>();
    for (Subject s : java.util.Arrays.asList(sb, sa)) {
      if (s != null) {
        statements.addAll(Probe.relevant(s.identity(), "iam:passrole", arn));
      }
    }
    List<String> before = new ArrayList<>();
    List<String> after = new ArrayList<>();
    Grant gb = Grant.NO;
    Grant ga = Grant.NO;
    Map<String, Probe.Result> newly = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, String> svc :
        RoleFacts.services(statements, java.util.Arrays.asList(trustBefore, trustAfter)).entrySet()) {
      Probe.Result r = Probe.run(new Probe.Side(sb, null), new Probe.Side(sa, null), false,
          "iam:passrole", arn, Map.of("iam:passedtoservice", svc.getValue()));
      if (r.before() != Grant.NO) {
        before.add(svc.getKey());
        gb = gb.or(r.before());
      }
      if (r.after() != Grant.NO) {
        after.add(svc.getKey());
        ga = ga.or(r.after());
      }
      if (r.newly() != Grant.NO) {
        newly.put(svc.getKey(), r);
      }
    }
    Probe.Result any = newly.get(RoleFacts.ANY_SERVICE);
    newly.forEach((svc, r) -> {
      // "to any service" says it all unless a named service is newly allowed more surely
      if (any == null || svc.equals(RoleFacts.ANY_SERVICE) || r.newly().compareTo(any.newly()) > 0) {
        record(key, who, "iam:PassRole",
            svc.equals(RoleFacts.ANY_SERVICE) ? "to any service" : "to " + svc, r, null, null);
      }
    });
    if (table && gb != Grant.NO) {
      passersBefore.add(new AccessReport.Entry(who, services(before), gb));
    }
    if (table && ga != Grant.NO) {
      passersAfter.add(new AccessReport.Entry(who, services(after), ga));
    }
  }

  private static String services(List<String> names) {
    return names.contains(RoleFacts.ANY_SERVICE) ? "to any service" : "to " + String.join(", ", names);
  }

  private void record(String key, String who, String action, String detail, Probe.Result r,
      List<AccessReport.Entry> tableBefore, List<AccessReport.Entry> tableAfter) {
    if (tableBefore != null && r.before() != Grant.NO) {
      tableBefore.add(new AccessReport.Entry(who, detail, r.before()));
    }
    if (tableAfter != null && r.after() != Grant.NO) {
      tableAfter.add(new AccessReport.Entry(who, detail, r.after()));
    }
    if (r.newly() != Grant.NO) {
      found.add(new Found(key, new AccessReport.NewAccess(who, action, name, detail, r.newly(),
          r.newly() == Grant.MAY ? List.copyOf(r.unknowns()) : List.of(), List.of())));
    }
  }

  /** Whether some Allow of the principal's own policies could let it pass this role. */
  private boolean passCandidate(Subject s) {
    return s != null && s.identity().stream().anyMatch(r -> r.allow()
        && r.coversAction("iam:passrole") && arn.coveredBy(r));
  }

  /** Whether the trust names the principal, or its account (then it needs its own Allow). */
  private boolean assumeCandidate(Subject s, List<Rule> trust) {
    if (s == null || trust == null) {
      return false;
    }
    boolean account = false;
    for (Rule t : trust) {
      if (!t.allow()) {
        continue;
      }
      Evaluator.Named n = Evaluator.named(t, s.who());
      if (n == Evaluator.Named.DIRECT) {
        return true;
      }
      account |= n == Evaluator.Named.ACCOUNT;
    }
    return account && s.identity().stream().anyMatch(r -> r.allow()
        && r.coversAction("sts:assumerole") && arn.coveredBy(r));
  }

  String roleKey() {
    return roleKey;
  }
}

package dev.rolectl.engine.access;

import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedPrincipal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** What a role's trust and resource condition keys are, in one view of the account. */
final class RoleFacts {
  /** A request context value no policy names: "any other service". */
  static final String OTHER_SERVICE = Glob.FRESH + "service";

  /** The label of {@link #OTHER_SERVICE}. */
  static final String ANY_SERVICE = "any other service";

  private RoleFacts() {}

  /** The role's trust policy as rules; {@code null} when the role does not exist. */
  static List<Rule> trust(RoleState r) {
    if (r == null) {
      return null;
    }
    if (r.unreadable != null || r.trust == null) {
      String what = "the trust policy of role " + r.name + " (could not be read)";
      NormalizedPrincipal anyone = new NormalizedPrincipal(true, new java.util.TreeMap<>());
      return List.of(
          new Rule(true, List.of("*"), false, List.of("*"), false, anyone, null, List.of(),
              List.of(what + " admits it"), "trust policy of role " + r.name),
          new Rule(false, List.of("*"), false, List.of("*"), false, anyone, null, List.of(),
              List.of(what + " denies it"), "trust policy of role " + r.name));
    }
    return Rules.compile(r.trust, "trust policy of role " + r.name, Map.of());
  }

  /** The condition keys a request on the role carries about it: its tags and account. */
  static Map<String, String> resourceKeys(AccountView v, RoleState r) {
    Map<String, String> keys = new LinkedHashMap<>();
    if (r == null) {
      return keys;
    }
    keys.put("aws:resourceaccount", v.accountId);
    r.tags.forEach((k, val) -> {
      keys.put("aws:resourcetag/" + k.toLowerCase(Locale.ROOT), val);
      keys.put("iam:resourcetag/" + k.toLowerCase(Locale.ROOT), val);
    });
    return keys;
  }

  /**
   * The services worth asking about for iam:PassRole: those the statements name in
   * iam:PassedToService (a pattern as written), those the trust policies admit, and any other
   * ({@link #OTHER_SERVICE}). Label to the value asked with.
   */
  static Map<String, String> services(List<Rule> statements, List<List<Rule>> trusts) {
    Map<String, String> out = new LinkedHashMap<>();
    boolean named = statements.stream().anyMatch(r -> r.clauses().stream()
        .anyMatch(c -> c.key().equals("iam:passedtoservice")));
    if (!named) {
      // no statement looks at the service: one answer stands for every service
      out.put(ANY_SERVICE, OTHER_SERVICE);
      return out;
    }
    for (List<Rule> trust : trusts) {
      if (trust == null) {
        continue;
      }
      for (Rule t : trust) {
        if (t.principal() != null) {
          t.principal().byType().getOrDefault("Service", List.of()).forEach(s -> out.put(s, s));
        }
      }
    }
    for (Rule r : statements) {
      for (Clause c : r.clauses()) {
        if (c.key().equals("iam:passedtoservice")) {
          c.values().stream().filter(v -> !v.contains("${"))
              .forEach(v -> out.putIfAbsent(v, Glob.witnesses(v).get(0)));
        }
      }
    }
    out.put(ANY_SERVICE, OTHER_SERVICE);
    return out;
  }

  /** Everyone outside the account a trust policy names (services, providers, accounts...). */
  static List<Who> outsiders(List<Rule> trust, String accountId) {
    List<Who> out = new ArrayList<>();
    if (trust == null) {
      return out;
    }
    for (Rule t : trust) {
      NormalizedPrincipal p = t.principal() != null ? t.principal() : t.notPrincipal();
      if (p == null) {
        continue;
      }
      if (p.wildcard() || t.notPrincipal() != null) {
        add(out, new Who(Who.Kind.ANYONE, "anyone", "*", null, Map.of()));
        continue;
      }
      p.byType().getOrDefault("Service", List.of()).forEach(s ->
          add(out, new Who(Who.Kind.SERVICE, "service " + s, s, null, Map.of())));
      p.byType().getOrDefault("Federated", List.of()).forEach(f ->
          add(out, new Who(Who.Kind.FEDERATED, "identity provider " + f, f, null, Map.of())));
      for (String a : p.byType().getOrDefault("AWS", List.of())) {
        if (a.equals("*")) {
          add(out, new Who(Who.Kind.ANYONE, "anyone", "*", null, Map.of()));
        } else if (a.matches("\\d{12}")) {
          if (!a.equals(accountId)) {
            add(out, new Who(Who.Kind.ACCOUNT, "account " + a, a, a, Map.of()));
          }
        } else {
          String[] parts = a.split(":", 6);
          String account = parts.length == 6 ? parts[4] : null;
          if (!accountId.equals(account)) {
            add(out, new Who(Who.Kind.OUTSIDE_PRINCIPAL, a, a, account, Map.of()));
          }
        }
      }
    }
    return out;
  }

  private static void add(List<Who> out, Who w) {
    if (out.stream().noneMatch(o -> o.name().equals(w.name()))) {
      out.add(w);
    }
  }
}

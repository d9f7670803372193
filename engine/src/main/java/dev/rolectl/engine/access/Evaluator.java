package dev.rolectl.engine.access;

import dev.rolectl.engine.policy.NormalizedPolicy.NormalizedPrincipal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** Evaluates requests against compiled policies into {@link Outcome}s. */
final class Evaluator {
  private Evaluator() {}

  /** An identity-based request of {@code s} (no resource policy: e.g. iam:PassRole). */
  static Outcome identity(Subject s, Request r) {
    Outcome o = new Outcome(s.boundary() != null, false, s.who().kind() == Who.Kind.USER);
    principalPolicies(s, r, o);
    return o;
  }

  /** {@code sts:AssumeRole} of a role whose trust policy is {@code trust}, by {@code s}. */
  static Outcome assume(Subject s, Request r, List<Rule> trust) {
    Outcome o = new Outcome(s.boundary() != null, true, s.who().kind() == Who.Kind.USER);
    principalPolicies(s, r, o);
    trust(trust, r, o);
    return o;
  }

  /** What a trust policy alone says for someone outside the account (no identity side here). */
  static Outcome trustOnly(Request r, List<Rule> trust) {
    Outcome o = new Outcome(false, true, true);
    trust(trust, r, o);
    // an account trusted as a whole: what its own policies allow is out of sight, the trust is in
    o.trustDirect.addAll(o.trustAccount);
    return o;
  }

  private static void principalPolicies(Subject s, Request r, Outcome o) {
    for (Rule rule : s.identity()) {
      Set<String> hit = hit(rule, r);
      if (hit != null) {
        (rule.allow() ? o.idAllow : o.idDeny).add(hit);
      }
    }
    if (s.boundary() != null) {
      for (Rule rule : s.boundary()) {
        Set<String> hit = hit(rule, r);
        if (hit != null) {
          (rule.allow() ? o.boundaryAllow : o.boundaryDeny).add(hit);
        }
      }
    }
  }

  private static void trust(List<Rule> trust, Request r, Outcome o) {
    for (Rule rule : trust) {
      Set<String> hit = hit(rule, r);
      if (hit == null) {
        continue;
      }
      Named named = named(rule, r.who());
      if (named == Named.NOT) {
        continue;
      }
      if (!rule.allow()) {
        o.trustDeny.add(hit);
      } else {
        (named == Named.DIRECT ? o.trustDirect : o.trustAccount).add(hit);
      }
    }
  }

  /**
   * The unknown tests under which the statement applies to the request ({@code null}: it does
   * not apply; empty: it applies).
   */
  static Set<String> hit(Rule rule, Request r) {
    if (!rule.coversAction(r.action()) || !rule.coversResource(r.resource())) {
      return null;
    }
    Set<String> unknown = rule.unknowns().isEmpty() ? null : new TreeSet<>(rule.unknowns());
    for (Clause c : rule.clauses()) {
      switch (c.test(r.context())) {
        case FALSE -> {
          return null;
        }
        case UNKNOWN -> {
          if (unknown == null) {
            unknown = new TreeSet<>();
          }
          unknown.add(c.label());
        }
        case TRUE -> { }
      }
    }
    return unknown == null ? Set.of() : unknown;
  }

  /** How a trust statement's Principal names a requester. */
  enum Named { NOT, DIRECT, ACCOUNT }

  static Named named(Rule rule, Who who) {
    if (rule.principal() != null) {
      return names(rule.principal(), who);
    }
    if (rule.notPrincipal() != null) {
      // NotPrincipal: everyone it does not name
      return names(rule.notPrincipal(), who) == Named.NOT ? Named.DIRECT : Named.NOT;
    }
    return Named.NOT;
  }

  private static Named names(NormalizedPrincipal p, Who who) {
    if (p.wildcard()) {
      return Named.DIRECT;
    }
    Named out = Named.NOT;
    for (String v : p.byType().getOrDefault("AWS", List.of())) {
      if (v.equals("*")) {
        return Named.DIRECT;
      }
      boolean aws = who.internal() || who.kind() == Who.Kind.OUTSIDE_PRINCIPAL
          || who.kind() == Who.Kind.ACCOUNT;
      if (aws && who.arn() != null && v.equals(who.arn()) && who.kind() != Who.Kind.ACCOUNT) {
        return Named.DIRECT;
      }
      if (aws && v.equals(who.accountId())) {
        out = Named.ACCOUNT;
      }
    }
    if (who.kind() == Who.Kind.SERVICE
        && p.byType().getOrDefault("Service", List.of()).contains(who.arn())) {
      return Named.DIRECT;
    }
    if (who.kind() == Who.Kind.FEDERATED
        && p.byType().getOrDefault("Federated", List.of()).contains(who.arn())) {
      return Named.DIRECT;
    }
    return out;
  }
}

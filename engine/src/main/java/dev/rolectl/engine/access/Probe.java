package dev.rolectl.engine.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * One question asked of the account before and after the plan: may this principal make this
 * request (over every request context worth trying, {@link Contexts})?
 */
final class Probe {
  private Probe() {}

  /**
   * One side: the principal ({@code null}: it does not exist) and, for {@code sts:AssumeRole},
   * the role's trust policy ({@code null}: the role does not exist).
   */
  record Side(Subject subject, List<Rule> trust) {}

  /** The answers: allowed before, after, newly; the unknown tests they depend on. */
  record Result(Grant before, Grant after, Grant newly, Set<String> unknowns) {
    static final Result NONE = new Result(Grant.NO, Grant.NO, Grant.NO, Set.of());
  }

  /**
   * {@code action} on {@code resource} (whose condition keys are {@code resourceKeys}), with
   * {@code extra} keys set (e.g. {@code iam:passedtoservice}); {@code assume}: through the trust.
   */
  static Result run(Side before, Side after, boolean assume, String action, String resource,
      Map<String, String> resourceKeys, Map<String, String> extra) {
    List<Rule> rules = new ArrayList<>();
    for (Side s : List.of(before, after)) {
      if (s.subject() != null) {
        rules.addAll(relevant(s.subject().identity(), action, resource));
        if (s.subject().boundary() != null) {
          rules.addAll(relevant(s.subject().boundary(), action, resource));
        }
      }
      if (s.trust() != null) {
        rules.addAll(relevant(s.trust(), action, resource));
      }
    }
    Who who = after.subject() != null ? after.subject().who()
        : before.subject() != null ? before.subject().who() : null;
    if (who == null) {
      return Result.NONE;
    }
    Map<String, String> fixed = new HashMap<>(who.keys());
    fixed.putAll(resourceKeys);
    fixed.putAll(extra);
    List<Map<String, String>> contexts = Contexts.of(fixed, rules);
    if (contexts == null) {
      Set<String> u = Set.of("more condition combinations than rolectl tries (" + Contexts.MAX + ")");
      return new Result(Grant.MAY, Grant.MAY, Grant.MAY, u);
    }
    Grant b = Grant.NO;
    Grant a = Grant.NO;
    Grant n = Grant.NO;
    Set<String> unknowns = new TreeSet<>();
    for (Map<String, String> ctx : contexts) {
      Request r = new Request(who, action, resource, ctx);
      Outcome ob = outcome(before, assume, r);
      Outcome oa = outcome(after, assume, r);
      b = b.or(Decide.allowed(ob));
      Grant allowedAfter = Decide.allowed(oa);
      a = a.or(allowedAfter);
      Grant g = Decide.newly(ob, oa);
      n = n.or(g);
      if (g != Grant.NO || allowedAfter == Grant.MAY) {
        if (oa != null) {
          unknowns.addAll(oa.unknowns());
        }
        if (ob != null) {
          unknowns.addAll(ob.unknowns());
        }
      }
    }
    return new Result(b, a, n, unknowns);
  }

  /** What the trust policies alone say of someone outside the account, before and after. */
  static Result outsider(Who who, List<Rule> before, List<Rule> after, String resource,
      Map<String, String> resourceKeys) {
    List<Rule> rules = new ArrayList<>();
    if (before != null) {
      rules.addAll(before);
    }
    if (after != null) {
      rules.addAll(after);
    }
    List<Map<String, String>> contexts = Contexts.of(resourceKeys, rules);
    if (contexts == null) {
      Set<String> u = Set.of("more condition combinations than rolectl tries (" + Contexts.MAX + ")");
      return new Result(Grant.MAY, Grant.MAY, Grant.MAY, u);
    }
    Grant b = Grant.NO;
    Grant a = Grant.NO;
    Grant n = Grant.NO;
    Set<String> unknowns = new TreeSet<>();
    for (Map<String, String> ctx : contexts) {
      Request r = new Request(who, "sts:assumerole", resource, ctx);
      Outcome ob = before == null ? null : Evaluator.trustOnly(r, before);
      Outcome oa = after == null ? null : Evaluator.trustOnly(r, after);
      b = b.or(Decide.allowed(ob));
      a = a.or(Decide.allowed(oa));
      n = n.or(Decide.newly(ob, oa));
      if (oa != null) {
        unknowns.addAll(oa.unknowns());
      }
      if (ob != null) {
        unknowns.addAll(ob.unknowns());
      }
    }
    return new Result(b, a, n, unknowns);
  }

  private static Outcome outcome(Side s, boolean assume, Request r) {
    if (s.subject() == null || (assume && s.trust() == null)) {
      return null;
    }
    return assume ? Evaluator.assume(s.subject(), r, s.trust()) : Evaluator.identity(s.subject(), r);
  }

  /** The statements that apply to the action and resource, whatever their conditions. */
  static List<Rule> relevant(List<Rule> rules, String action, String resource) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules) {
      if (r.coversAction(action) && r.coversResource(resource)) {
        out.add(r);
      }
    }
    return out;
  }
}

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

  /**
   * The role asked about, on each side: its ARN and its condition keys ({@code aws:ResourceTag/...})
   * before and after the plan. They differ when the plan moves the role to another path (a new
   * ARN) or changes its tags: a principal allowed only on the new ARN or with the new tag is
   * newly allowed.
   */
  record Resource(String before, String after, Map<String, String> keysBefore,
      Map<String, String> keysAfter) {
    static Resource same(String arn, Map<String, String> keys) {
      return new Resource(arn, arn, keys, keys);
    }

    boolean coveredBy(Rule r) {
      return r.coversResource(before) || r.coversResource(after);
    }
  }

  /** The answers: allowed before, after, newly; the unknown tests they depend on. */
  record Result(Grant before, Grant after, Grant newly, Set<String> unknowns) {
    static final Result NONE = new Result(Grant.NO, Grant.NO, Grant.NO, Set.of());
  }

  /**
   * {@code action} on {@code resource} (whose condition keys are {@code resourceKeys}), with
   * {@code extra} keys set (e.g. {@code iam:passedtoservice}); {@code assume}: through the trust.
   */
  static Result run(Side before, Side after, boolean assume, String action, Resource resource,
      Map<String, String> extra) {
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
    fixed.putAll(resource.keysBefore());
    fixed.putAll(resource.keysAfter());
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
      Outcome ob = outcome(before, assume,
          new Request(who, action, resource.before(), side(ctx, resource, resource.keysBefore())));
      Outcome oa = outcome(after, assume,
          new Request(who, action, resource.after(), side(ctx, resource, resource.keysAfter())));
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

  /** A context with the role's condition keys of one side (the other side's removed). */
  private static Map<String, String> side(Map<String, String> ctx, Resource resource,
      Map<String, String> keys) {
    if (resource.keysBefore().equals(resource.keysAfter())) {
      return ctx;
    }
    Map<String, String> out = new HashMap<>(ctx);
    resource.keysBefore().keySet().forEach(out::remove);
    resource.keysAfter().keySet().forEach(out::remove);
    out.putAll(keys);
    return out;
  }

  /** What the trust policies alone say of someone outside the account, before and after. */
  static Result outsider(Who who, List<Rule> before, List<Rule> after, Resource resource) {
    List<Rule> rules = new ArrayList<>();
    if (before != null) {
      rules.addAll(before);
    }
    if (after != null) {
      rules.addAll(after);
    }
    Map<String, String> fixed = new HashMap<>(resource.keysBefore());
    fixed.putAll(resource.keysAfter());
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
      Outcome ob = before == null ? null : Evaluator.trustOnly(new Request(who, "sts:assumerole",
          resource.before(), side(ctx, resource, resource.keysBefore())), before);
      Outcome oa = after == null ? null : Evaluator.trustOnly(new Request(who, "sts:assumerole",
          resource.after(), side(ctx, resource, resource.keysAfter())), after);
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
    return relevant(rules, action, Resource.same(resource, Map.of()));
  }

  /** The statements that apply to the action and the role on either side. */
  static List<Rule> relevant(List<Rule> rules, String action, Resource resource) {
    List<Rule> out = new ArrayList<>();
    for (Rule r : rules) {
      if (r.coversAction(action) && resource.coveredBy(r)) {
        out.add(r);
      }
    }
    return out;
  }
}

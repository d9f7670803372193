package dev.rolectl.engine.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The engine's evaluator and its "can newly do" diff, against {@link ReferenceEvaluator} (written
 * from the IAM User Guide's evaluation chapter) over generated policies: same answer for every
 * request; a diff that finds nothing means no request is allowed after that was denied before; a
 * request newly allowed is covered by some fact the diff reports.
 */
class AccessPropertiesTest {
  static final String ACCOUNT = "123456789012";
  static final String USER_ARN = "arn:aws:iam::" + ACCOUNT + ":user/dev";
  static final String ROLE_ARN = "arn:aws:iam::" + ACCOUNT + ":role/app";

  static final List<String> ACTION_PATTERNS = List.of("s3:GetObject", "s3:PutObject",
      "iam:PassRole", "sts:AssumeRole", "s3:*", "iam:*", "*", "s3:Get*", "iam:Pass*", "*Object");
  static final List<String> ACTIONS = List.of("s3:GetObject", "s3:PutObject", "iam:PassRole",
      "sts:AssumeRole", "s3:DeleteObject", "ec2:RunInstances", "s3:GetZzz");
  static final List<String> RESOURCE_PATTERNS = List.of("*", "arn:aws:s3:::b/*", "arn:aws:s3:::b/k",
      ROLE_ARN, "arn:aws:iam::" + ACCOUNT + ":role/*", "arn:aws:s3:::*/k");
  static final List<String> RESOURCES = List.of("arn:aws:s3:::b/k", "arn:aws:s3:::b/x",
      "arn:aws:s3:::c/k", ROLE_ARN, "arn:aws:iam::" + ACCOUNT + ":role/other", "arn:aws:s3:::zz/zz");
  static final List<String> KEYS = List.of("iam:PassedToService", "aws:RequestedRegion");
  static final List<String> OPS = List.of("StringEquals", "StringNotEquals", "StringLike",
      "StringEqualsIfExists", "StringNotLike", "Null");
  static final List<String> VALUES = List.of("ecs.amazonaws.com", "ec2.amazonaws.com", "ecs*",
      "us-east-1", "eu-*");
  static final List<String> REQUEST_VALUES = List.of("ecs.amazonaws.com", "ec2.amazonaws.com",
      "ecsx", "us-east-1", "eu-west-1");

  // ---- generators ----

  @Provide
  Arbitrary<PolicyDocument> policies() {
    return statement().list().ofMinSize(1).ofMaxSize(3)
        .map(s -> new PolicyDocument("2012-10-17", null, s));
  }

  @Provide
  Arbitrary<PolicyDocument> boundaries() {
    return Arbitraries.oneOf(Arbitraries.just(null), policies());
  }

  @Provide
  Arbitrary<PolicyDocument> trusts() {
    Arbitrary<Principal> principal = Arbitraries.of(
        Principal.of(Map.of("AWS", List.of(ACCOUNT))),
        Principal.of(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root"))),
        Principal.of(Map.of("AWS", List.of(USER_ARN))),
        Principal.of(Map.of("AWS", List.of(ROLE_ARN))),
        Principal.of(Map.of("Service", List.of("ecs.amazonaws.com"))),
        Principal.any());
    Arbitrary<Statement> s = Combinators.combine(Arbitraries.of("Allow", "Allow", "Deny"), principal,
        conditions()).as((effect, p, c) -> new Statement(null, effect, p, null,
            List.of("sts:AssumeRole"), List.of(), List.of(), List.of(), c));
    return s.list().ofMinSize(1).ofMaxSize(2).map(l -> new PolicyDocument("2012-10-17", null, l));
  }

  private Arbitrary<Statement> statement() {
    Arbitrary<List<String>> actions = Arbitraries.of(ACTION_PATTERNS).list().ofMinSize(1).ofMaxSize(2);
    Arbitrary<List<String>> resources =
        Arbitraries.of(RESOURCE_PATTERNS).list().ofMinSize(1).ofMaxSize(2);
    return Combinators.combine(Arbitraries.of("Allow", "Allow", "Deny"), actions,
        Arbitraries.integers().between(0, 9), resources, Arbitraries.integers().between(0, 9),
        conditions()).as((effect, a, notA, r, notR, c) -> new Statement(null, effect, null, null,
            notA < 2 ? List.of() : a, notA < 2 ? a : List.of(), notR < 1 ? List.of() : r,
            notR < 1 ? r : List.of(), c));
  }

  private Arbitrary<Map<String, Map<String, List<String>>>> conditions() {
    Arbitrary<String[]> clause = Combinators.combine(Arbitraries.of(OPS), Arbitraries.of(KEYS),
        Arbitraries.of(VALUES), Arbitraries.of("true", "false"))
        .as((op, key, value, bool) -> new String[] {op, key, op.equals("Null") ? bool : value});
    return clause.list().ofMaxSize(2).map(cs -> {
      Map<String, Map<String, List<String>>> out = new LinkedHashMap<>();
      for (String[] c : cs) {
        out.computeIfAbsent(c[0], k -> new LinkedHashMap<>()).put(c[1], List.of(c[2]));
      }
      return out;
    });
  }

  @Provide
  Arbitrary<Map<String, String>> contexts() {
    Arbitrary<String> value = Arbitraries.oneOf(Arbitraries.just(null), Arbitraries.of(REQUEST_VALUES));
    return Combinators.combine(value, value).as((a, b) -> {
      Map<String, String> m = new HashMap<>();
      if (a != null) {
        m.put("iam:PassedToService", a);
      }
      if (b != null) {
        m.put("aws:RequestedRegion", b);
      }
      return m;
    });
  }

  // ---- the engine's side ----

  static Subject subject(boolean user, List<PolicyDocument> identity, PolicyDocument boundary) {
    String arn = user ? USER_ARN : ROLE_ARN;
    Map<String, String> keys = Subjects.principalKeys(arn, ACCOUNT, user ? "User" : "AssumedRole",
        Map.of());
    List<Rule> rules = new ArrayList<>();
    identity.forEach(d -> rules.addAll(Rules.compile(d, "identity", keys)));
    Who who = new Who(user ? Who.Kind.USER : Who.Kind.ROLE, user ? "user dev" : "role app", arn,
        ACCOUNT, keys);
    return new Subject(who, rules, boundary == null ? null : Rules.compile(boundary, "boundary", keys));
  }

  static Request request(Subject s, String action, String resource, Map<String, String> context) {
    Map<String, String> ctx = new HashMap<>(s.who().keys());
    context.forEach((k, v) -> ctx.put(k.toLowerCase(Locale.ROOT), v));
    return new Request(s.who(), action.toLowerCase(Locale.ROOT), resource, ctx);
  }

  static ReferenceEvaluator.Req reference(boolean user, String action, String resource,
      Map<String, String> context) {
    return new ReferenceEvaluator.Req(user ? USER_ARN : ROLE_ARN, ACCOUNT, user, action, resource,
        context);
  }

  // ---- properties ----

  @Property(tries = 400)
  void identityDecisionsAgreeWithTheReference(@ForAll("policies") PolicyDocument p1,
      @ForAll("policies") PolicyDocument p2, @ForAll("boundaries") PolicyDocument boundary,
      @ForAll("contexts") Map<String, String> context, @ForAll boolean user) {
    Subject s = subject(user, List.of(p1, p2), boundary);
    for (String action : ACTIONS) {
      for (String resource : RESOURCES) {
        boolean expected = ReferenceEvaluator.allowed(reference(user, action, resource, context),
            List.of(p1, p2), boundary == null ? null : List.of(boundary), null);
        Grant got = Decide.allowed(Evaluator.identity(s, request(s, action, resource, context)));
        assertEquals(expected ? Grant.YES : Grant.NO, got, action + " on " + resource + " with "
            + context + "\nidentity " + p1 + "\n" + p2 + "\nboundary " + boundary);
      }
    }
  }

  @Property(tries = 400)
  void assumeRoleDecisionsAgreeWithTheReference(@ForAll("policies") PolicyDocument identity,
      @ForAll("boundaries") PolicyDocument boundary, @ForAll("trusts") PolicyDocument trust,
      @ForAll("contexts") Map<String, String> context, @ForAll boolean user) {
    Subject s = subject(user, List.of(identity), boundary);
    String target = "arn:aws:iam::" + ACCOUNT + ":role/target";
    boolean expected = ReferenceEvaluator.allowed(reference(user, "sts:AssumeRole", target, context),
        List.of(identity), boundary == null ? null : List.of(boundary), trust);
    Grant got = Decide.allowed(Evaluator.assume(s, request(s, "sts:AssumeRole", target, context),
        Rules.compile(trust, "trust", Map.of())));
    assertEquals(expected ? Grant.YES : Grant.NO, got, "identity " + identity + "\nboundary "
        + boundary + "\ntrust " + trust + "\ncontext " + context + " user " + user);
  }

  @Property(tries = 300)
  void theDiffMissesNoNewAccessAndInventsNone(@ForAll("policies") PolicyDocument before,
      @ForAll("policies") PolicyDocument after, @ForAll("boundaries") PolicyDocument boundaryBefore,
      @ForAll("boundaries") PolicyDocument boundaryAfter) {
    Subject sb = subject(true, List.of(before), boundaryBefore);
    Subject sa = subject(true, List.of(after), boundaryAfter);
    List<CanDo.Fact> facts = CanDo.newly(sb, sa);
    List<Map<String, String>> contexts = new ArrayList<>();
    for (String a : new String[] {null, "ecs.amazonaws.com", "ecsx", "zz"}) {
      for (String b : new String[] {null, "us-east-1", "eu-west-1"}) {
        Map<String, String> m = new HashMap<>();
        if (a != null) {
          m.put("iam:PassedToService", a);
        }
        if (b != null) {
          m.put("aws:RequestedRegion", b);
        }
        contexts.add(m);
      }
    }
    for (String action : ACTIONS) {
      for (String resource : RESOURCES) {
        for (Map<String, String> ctx : contexts) {
          var r = reference(true, action, resource, ctx);
          boolean nowAllowed = ReferenceEvaluator.allowed(r, List.of(after),
              boundaryAfter == null ? null : List.of(boundaryAfter), null);
          boolean wasAllowed = ReferenceEvaluator.allowed(r, List.of(before),
              boundaryBefore == null ? null : List.of(boundaryBefore), null);
          if (nowAllowed && !wasAllowed) {
            assertFalse(facts.isEmpty(), "the diff found nothing, but " + action + " on " + resource
                + " with " + ctx + " is newly allowed\nbefore " + before + " / " + boundaryBefore
                + "\nafter " + after + " / " + boundaryAfter);
            assertTrue(facts.stream().anyMatch(f -> covers(f, action, resource)),
                "no fact covers " + action + " on " + resource + " with " + ctx + ": " + facts
                + "\nbefore " + before + " / " + boundaryBefore + "\nafter " + after + " / "
                + boundaryAfter);
          }
        }
      }
    }
  }

  @Property(tries = 300)
  void everyYesFactIsARequestAllowedAfterAndDeniedBefore(@ForAll("policies") PolicyDocument before,
      @ForAll("policies") PolicyDocument after, @ForAll("boundaries") PolicyDocument boundary) {
    Subject sb = subject(true, List.of(before), boundary);
    Subject sa = subject(true, List.of(after), boundary);
    List<Rule> rules = new ArrayList<>(sb.identity());
    rules.addAll(sa.identity());
    if (boundary != null) {
      rules.addAll(sa.boundary());
    }
    List<Map<String, String>> contexts = Contexts.of(Map.of(), rules);
    for (CanDo.Fact f : CanDo.newly(sb, sa)) {
      if (f.grant() != Grant.YES || f.action().startsWith("everything")
          || f.resource().startsWith("everything")) {
        continue;
      }
      boolean found = false;
      for (String wa : Glob.witnesses(f.action().toLowerCase(Locale.ROOT))) {
        for (String wr : Glob.witnesses(f.resource())) {
          for (Map<String, String> ctx : contexts) {
            var r = reference(true, wa, wr, ctx);
            found |= ReferenceEvaluator.allowed(r, List.of(after),
                boundary == null ? null : List.of(boundary), null)
                && !ReferenceEvaluator.allowed(r, List.of(before),
                    boundary == null ? null : List.of(boundary), null);
          }
        }
      }
      assertTrue(found, "the reference finds no request for " + f + "\nbefore " + before
          + "\nafter " + after + "\nboundary " + boundary);
    }
  }

  /** Whether the fact's patterns (an "everything except" one counts as covering) match. */
  private static boolean covers(CanDo.Fact f, String action, String resource) {
    boolean a = f.action().startsWith("everything except")
        || Glob.matches(f.action().toLowerCase(Locale.ROOT), action.toLowerCase(Locale.ROOT));
    boolean r = f.resource().startsWith("everything except") || Glob.matches(f.resource(), resource);
    return a && r;
  }
}

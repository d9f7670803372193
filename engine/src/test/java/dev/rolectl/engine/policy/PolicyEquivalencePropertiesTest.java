package dev.rolectl.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the normal form over generated policy trees. */
class PolicyEquivalencePropertiesTest {

  @Provide
  Arbitrary<Map<String, Object>> documents() {
    Arbitrary<List<String>> actions = Arbitraries.of("s3:GetObject", "s3:*", "iam:PassRole",
        "sts:AssumeRole", "ec2:Describe*", "*").list().ofMinSize(1).ofMaxSize(4);
    Arbitrary<List<String>> resources = Arbitraries.of("*", "arn:aws:s3:::b/*",
        "arn:aws:iam::111122223333:role/r", "arn:aws:s3:::b").list().ofMinSize(1).ofMaxSize(3);
    Arbitrary<List<String>> accounts = Arbitraries.of("111122223333",
        "arn:aws:iam::444455556666:root", "arn:aws:iam::111122223333:role/x").list()
        .ofMinSize(1).ofMaxSize(3);
    Arbitrary<Object> conditionValue = Arbitraries.oneOf(
        Arbitraries.of("a", "b", "true"), Arbitraries.of(true, false).map(b -> (Object) b),
        Arbitraries.integers().between(0, 99).map(i -> (Object) i));
    Arbitrary<Map<String, Object>> statement = Combinators.combine(
        Arbitraries.of("Allow", "Deny", "allow"), actions, resources,
        accounts.injectNull(0.5), conditionValue.list().ofMinSize(1).ofMaxSize(3).injectNull(0.5),
        Arbitraries.of("S1", "S2").injectNull(0.6))
        .as((effect, action, resource, aws, cond, sid) -> {
          Map<String, Object> s = new LinkedHashMap<>();
          if (sid != null) {
            s.put("Sid", sid);
          }
          s.put("Effect", effect);
          s.put("Action", new ArrayList<Object>(action));
          s.put("Resource", new ArrayList<Object>(resource));
          if (aws != null) {
            s.put("Principal", new LinkedHashMap<>(Map.of("AWS", new ArrayList<Object>(aws))));
          }
          if (cond != null) {
            s.put("Condition", new LinkedHashMap<>(Map.of("StringEquals",
                new LinkedHashMap<>(Map.of("aws:PrincipalTag/team", new ArrayList<>(cond))))));
          }
          return s;
        });
    return Combinators.combine(statement.list().ofMinSize(1).ofMaxSize(4),
        Arbitraries.of("2012-10-17", "2008-10-17").injectNull(0.2))
        .as((statements, version) -> {
          Map<String, Object> d = new LinkedHashMap<>();
          if (version != null) {
            d.put("Version", version);
          }
          d.put("Statement", new ArrayList<Object>(statements));
          return d;
        });
  }

  static PolicyDocument parse(Object tree) {
    PolicyParse p = PolicyParser.parse(tree);
    assertEquals(List.of(), p.problems());
    return p.document().orElseThrow();
  }

  /**
   * Shuffles every list and toggles single values between a string and a one-element list (and a
   * one-statement list to a bare statement); condition booleans and numbers become strings.
   */
  @SuppressWarnings("unchecked")
  static Object scramble(Object node, Random random, boolean inCondition) {
    return scramble(node, random, inCondition, "");
  }

  private static final java.util.Set<String> SCALAR_KEYS = java.util.Set.of(
      "Version", "Id", "Sid", "Effect", "[]");

  @SuppressWarnings("unchecked")
  static Object scramble(Object node, Random random, boolean inCondition, String key) {
    if (node instanceof Map<?, ?> m) {
      List<Map.Entry<String, Object>> entries = new ArrayList<>(
          ((Map<String, Object>) m).entrySet());
      Collections.shuffle(entries, random);
      Map<String, Object> out = new LinkedHashMap<>();
      for (var e : entries) {
        out.put(e.getKey(), scramble(e.getValue(), random,
            inCondition || e.getKey().equals("Condition"), e.getKey()));
      }
      return out;
    }
    if (node instanceof List<?> l) {
      List<Object> out = new ArrayList<>();
      l.forEach(e -> out.add(scramble(e, random, inCondition, "[]")));
      Collections.shuffle(out, random);
      return out.size() == 1 && random.nextBoolean() ? out.get(0) : out;
    }
    if (inCondition && (node instanceof Boolean || node instanceof Integer)) {
      return random.nextBoolean() ? node.toString() : node;
    }
    if (node instanceof String s && !SCALAR_KEYS.contains(key) && !key.equals("Principal")
        && random.nextBoolean()) {
      return new ArrayList<Object>(List.of(s));
    }
    return node;
  }

  @Property(tries = 300)
  boolean scramblingNeverChangesEquivalence(
      @ForAll("documents") Map<String, Object> tree, @ForAll long seed) {
    Object scrambled = scramble(tree, new Random(seed), false);
    PolicyDocument a = parse(tree);
    PolicyDocument b = parse(scrambled);
    return PolicyEquivalence.equivalent(a, b)
        && PolicyEquivalence.normalize(a).hashCode() == PolicyEquivalence.normalize(b).hashCode();
  }

  @Property(tries = 300)
  void normalizeIsIdempotent(@ForAll("documents") Map<String, Object> tree) {
    NormalizedPolicy once = PolicyEquivalence.normalize(parse(tree));
    assertEquals(once, PolicyEquivalence.normalize(once.toDocument()));
  }

  @Property(tries = 200)
  void toJsonRoundTripsToAnEquivalentDocument(@ForAll("documents") Map<String, Object> tree) {
    PolicyDocument d = parse(tree);
    assertTrue(PolicyEquivalence.equivalent(d,
        PolicyParser.parseJson(PolicyParser.toJson(d)).document().orElseThrow()));
  }

  @Property(tries = 200)
  @SuppressWarnings("unchecked")
  void duplicatingAnActionKeepsEquivalence(@ForAll("documents") Map<String, Object> tree) {
    PolicyDocument before = parse(tree);
    List<Object> statements = (List<Object>) tree.get("Statement");
    List<Object> action = (List<Object>) ((Map<String, Object>) statements.get(0)).get("Action");
    action.add(action.get(0));
    assertTrue(PolicyEquivalence.equivalent(before, parse(tree)));
  }

  @Property(tries = 200)
  @SuppressWarnings("unchecked")
  void addingAnUnusedActionBreaksEquivalence(@ForAll("documents") Map<String, Object> tree) {
    PolicyDocument before = parse(tree);
    List<Object> statements = (List<Object>) tree.get("Statement");
    List<Object> action = (List<Object>) ((Map<String, Object>) statements.get(0)).get("Action");
    action.add("kms:Decrypt");
    assertFalse(PolicyEquivalence.equivalent(before, parse(tree)));
  }

  /** IAM matches action names ignoring case: changing their case changes nothing. */
  @Property(tries = 200)
  @SuppressWarnings("unchecked")
  void actionCaseNeverMatters(@ForAll("documents") Map<String, Object> tree, @ForAll long seed) {
    PolicyDocument before = parse(tree);
    Random random = new Random(seed);
    for (Object st : (List<Object>) tree.get("Statement")) {
      List<Object> action = (List<Object>) ((Map<String, Object>) st).get("Action");
      action.replaceAll(a -> random.nextBoolean() ? ((String) a).toUpperCase(java.util.Locale.ROOT)
          : ((String) a).toLowerCase(java.util.Locale.ROOT));
    }
    assertTrue(PolicyEquivalence.equivalent(before, parse(tree)));
  }

  /**
   * Splitting every statement without a Sid into one statement per action and resource (same
   * Effect, Principal and Condition) keeps the meaning; so does merging them back.
   */
  @Property(tries = 200)
  @SuppressWarnings("unchecked")
  void splittingStatementsKeepsEquivalence(@ForAll("documents") Map<String, Object> tree) {
    PolicyDocument before = parse(tree);
    List<Object> split = new ArrayList<>();
    for (Object st : (List<Object>) tree.get("Statement")) {
      Map<String, Object> m = (Map<String, Object>) st;
      if (m.containsKey("Sid")) {
        split.add(m);
        continue;
      }
      for (Object a : (List<Object>) m.get("Action")) {
        for (Object r : (List<Object>) m.get("Resource")) {
          Map<String, Object> one = new LinkedHashMap<>(m);
          one.put("Action", a);
          one.put("Resource", r);
          split.add(one);
        }
      }
    }
    Map<String, Object> after = new LinkedHashMap<>(tree);
    after.put("Statement", split);
    PolicyDocument splitDoc = parse(after);
    assertTrue(PolicyEquivalence.equivalent(before, splitDoc));
    assertEquals(PolicyEquivalence.normalize(before), PolicyEquivalence.normalize(splitDoc));
  }

  /** A Sid stays significant: renaming one never keeps equivalence. */
  @Property(tries = 200)
  @SuppressWarnings("unchecked")
  void changingASidBreaksEquivalence(@ForAll("documents") Map<String, Object> tree) {
    PolicyDocument before = parse(tree);
    Map<String, Object> first = (Map<String, Object>) ((List<Object>) tree.get("Statement")).get(0);
    first.put("Sid", first.containsKey("Sid") ? first.get("Sid") + "x" : "New");
    assertFalse(PolicyEquivalence.equivalent(before, parse(tree)));
  }
}

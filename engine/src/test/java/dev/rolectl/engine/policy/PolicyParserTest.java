package dev.rolectl.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Statement;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PolicyParserTest {

  /** A mutable map in insertion order, from key/value pairs. */
  static Map<String, Object> obj(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static List<Object> list(Object... items) {
    return new ArrayList<>(List.of(items));
  }

  static Map<String, Object> allow(Object... extra) {
    Map<String, Object> s = obj("Effect", "Allow", "Action", "s3:GetObject", "Resource", "*");
    s.putAll(obj(extra));
    return s;
  }

  static Map<String, Object> doc(Object statement) {
    return obj("Version", "2012-10-17", "Statement", statement);
  }

  static PolicyDocument ok(Object tree) {
    PolicyParse p = PolicyParser.parse(tree);
    assertEquals(List.of(), p.problems());
    return p.document().orElseThrow();
  }

  static List<PolicyProblem> problems(Object tree) {
    PolicyParse p = PolicyParser.parse(tree);
    assertTrue(p.document().isEmpty(), "no document when there are problems");
    assertFalse(p.problems().isEmpty(), "expected problems");
    return p.problems();
  }

  static PolicyProblem only(Object tree) {
    List<PolicyProblem> ps = problems(tree);
    assertEquals(1, ps.size(), ps.toString());
    return ps.get(0);
  }

  @Test
  void parsesTheGuidesTrustPolicy() {
    PolicyDocument d =
        ok(doc(list(obj(
            "Sid", "AllowAccessToECSForInfrastructureManagement",
            "Effect", "Allow",
            "Principal", obj("Service", "ecs.amazonaws.com"),
            "Action", "sts:AssumeRole"))));
    assertEquals("2012-10-17", d.version());
    Statement s = d.statements().get(0);
    assertEquals("AllowAccessToECSForInfrastructureManagement", s.sid());
    assertEquals(Principal.of(Map.of("Service", List.of("ecs.amazonaws.com"))), s.principal());
    assertEquals(List.of("sts:AssumeRole"), s.action());
    assertEquals(List.of(), s.resource());
    assertNull(s.notPrincipal());
  }

  @Test
  void statementObjectIsOneStatement() {
    assertEquals(1, ok(doc(allow())).statements().size());
  }

  @Test
  void absentVersionStaysAbsentAndLegacyVersionIsKept() {
    assertNull(ok(obj("Statement", allow())).version());
    assertEquals("2008-10-17", ok(obj("Version", "2008-10-17", "Statement", allow())).version());
  }

  @Test
  void unquotedYamlDateVersionIsAccepted() {
    assertEquals("2012-10-17",
        ok(obj("Version", LocalDate.of(2012, 10, 17), "Statement", allow())).version());
    Date utcMidnight = Date.from(LocalDate.of(2012, 10, 17).atStartOfDay(
        java.time.ZoneOffset.UTC).toInstant());
    assertEquals("2012-10-17", ok(obj("Version", utcMidnight, "Statement", allow())).version());
  }

  @Test
  void badVersionSaysWhatToWrite() {
    PolicyProblem p = only(obj("Version", "2012-10-18", "Statement", allow()));
    assertEquals("/Version", p.pointer());
    assertTrue(p.message().contains("\"2012-10-17\""), p.message());
  }

  @Test
  void effectKeepsItsCaseAndRejectsOthers() {
    assertEquals("allow", ok(doc(allow("Effect", "allow"))).statements().get(0).effect());
    PolicyProblem p = only(doc(list(allow(), allow("Effect", "Permit"))));
    assertEquals("/Statement/1/Effect", p.pointer());
    assertEquals("Effect must be Allow or Deny, not 'Permit'", p.message());
  }

  @Test
  void missingEffectIsAProblemAtTheStatement() {
    Map<String, Object> s = allow();
    s.remove("Effect");
    PolicyProblem p = only(doc(list(s)));
    assertEquals("/Statement/0", p.pointer());
    assertTrue(p.message().contains("Effect: Allow"), p.message());
  }

  @Test
  void unknownKeysNameTheAllowedOnes() {
    List<PolicyProblem> ps = problems(obj("Version", "2012-10-17", "Statment", list(),
        "Statement", allow("Actions", "x:y")));
    assertEquals(List.of("/Statment", "/Statement/Actions"),
        ps.stream().map(PolicyProblem::pointer).toList());
    assertTrue(ps.get(0).message().contains("Version, Id, Statement"), ps.get(0).message());
    assertTrue(ps.get(1).message().contains("did you mean 'Action'"), ps.get(1).message());
  }

  @Test
  void pointerSegmentsAreEscaped() {
    PolicyProblem p = only(doc(allow("a/b~c", 1)));
    assertEquals("/Statement/a~1b~0c", p.pointer());
  }

  @Test
  void actionAndNotActionAreExclusiveAndOneIsRequired() {
    assertEquals("/Statement/NotAction", only(doc(allow("NotAction", "s3:*"))).pointer());
    Map<String, Object> none = allow();
    none.remove("Action");
    assertEquals("/Statement", only(doc(none)).pointer());
    Map<String, Object> notOnly = allow("NotAction", "iam:*");
    notOnly.remove("Action");
    assertEquals(List.of("iam:*"), ok(doc(notOnly)).statements().get(0).notAction());
  }

  @Test
  void atMostOneOfResourceAndNotResourceAndOfPrincipalAndNotPrincipal() {
    assertEquals("/Statement/NotResource", only(doc(allow("NotResource", "x"))).pointer());
    assertEquals("/Statement/NotPrincipal",
        only(doc(allow("Principal", "*", "NotPrincipal", "*"))).pointer());
    Map<String, Object> noResource = allow();
    noResource.remove("Resource");
    assertEquals(List.of(), ok(doc(noResource)).statements().get(0).resource());
  }

  @Test
  void valuesMustBeNonEmptyStrings() {
    assertEquals("/Statement/Action/1",
        only(doc(allow("Action", list("s3:GetObject", 42)))).pointer());
    assertEquals("/Statement/Resource", only(doc(allow("Resource", ""))).pointer());
    assertEquals("/Statement/Resource", only(doc(allow("Resource", list()))).pointer());
    assertEquals("/Statement/Action", only(doc(allow("Action", obj("a", "b")))).pointer());
    assertEquals(List.of("a:b", "c:d"),
        ok(doc(allow("Action", list("a:b", "c:d")))).statements().get(0).action());
  }

  @Test
  void statementMustBeAnObjectOrNonEmptyListOfObjects() {
    assertEquals("/Statement", only(doc(list())).pointer());
    assertEquals("/Statement", only(doc("Allow")).pointer());
    assertEquals("/Statement/1", only(doc(list(allow(), "x"))).pointer());
    assertEquals("", only(obj("Version", "2012-10-17")).pointer());
  }

  @Test
  void documentMustBeAnObject() {
    assertEquals("", only(list()).pointer());
    assertEquals("", only(null).pointer());
  }

  @Test
  void principalsAreWildcardOrTypedValues() {
    Statement s = ok(doc(allow("Principal", obj("AWS", list("111122223333", "arn:aws:iam::1:root"),
        "Federated", "cognito-identity.amazonaws.com")))).statements().get(0);
    assertEquals(List.of("111122223333", "arn:aws:iam::1:root"), s.principal().values("AWS"));
    assertTrue(ok(doc(allow("Principal", "*"))).statements().get(0).principal().wildcard());
  }

  @Test
  void badPrincipalsSayWhatToWrite() {
    PolicyProblem bare = only(doc(allow("Principal", "ecs.amazonaws.com")));
    assertTrue(bare.message().contains("{Service: ecs.amazonaws.com}"), bare.message());
    PolicyProblem type = only(doc(allow("Principal", obj("Services", "ecs.amazonaws.com"))));
    assertEquals("/Statement/Principal/Services", type.pointer());
    assertTrue(type.message().contains("AWS, Service, Federated or CanonicalUser"),
        type.message());
    assertEquals("/Statement/NotPrincipal", only(doc(allow("NotPrincipal", obj()))).pointer());
  }

  @Test
  void conditionScalarsBecomeStrings() {
    Statement s = ok(doc(allow("Condition", obj(
        "Bool", obj("aws:SecureTransport", true),
        "NumericLessThan", obj("s3:max-keys", 10, "x:big", new BigDecimal("1.50")),
        "StringEquals", obj("aws:SourceAccount", list("111122223333", 2.5)))))).statements()
        .get(0);
    assertEquals(List.of("true"), s.condition().get("Bool").get("aws:SecureTransport"));
    assertEquals(List.of("10"), s.condition().get("NumericLessThan").get("s3:max-keys"));
    assertEquals(List.of("1.50"), s.condition().get("NumericLessThan").get("x:big"));
    assertEquals(List.of("111122223333", "2.5"),
        s.condition().get("StringEquals").get("aws:SourceAccount"));
  }

  @Test
  void badConditionsAreReportedWhereTheyAre() {
    assertEquals("/Statement/Condition", only(doc(allow("Condition", "x"))).pointer());
    assertEquals("/Statement/Condition/StringEquals",
        only(doc(allow("Condition", obj("StringEquals", "x")))).pointer());
    assertEquals("/Statement/Condition/StringEquals/k/1",
        only(doc(allow("Condition", obj("StringEquals", obj("k", list("a", obj()))))))
            .pointer());
    assertEquals("/Statement/Condition/StringEquals/k",
        only(doc(allow("Condition", obj("StringEquals", obj("k", list()))))).pointer());
  }

  @Test
  void everyProblemIsReported() {
    List<PolicyProblem> ps = problems(obj("Version", 1, "Id", 2, "Statement", list(
        allow("Effect", "x"), allow("Sid", 3, "Resource", 4))));
    assertEquals(List.of("/Version", "/Id", "/Statement/0/Effect", "/Statement/1/Sid",
        "/Statement/1/Resource"), ps.stream().map(PolicyProblem::pointer).toList());
  }

  @Test
  void parseJsonReadsIamDocuments() {
    PolicyDocument d = PolicyParser.parseJson("""
        {"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"iam:PassRole",
         "Resource":"arn:aws:iam::111122223333:role/r",
         "Condition":{"NumericEquals":{"k":1.0},"Bool":{"b":false}}}}""").document().orElseThrow();
    Statement s = d.statements().get(0);
    assertEquals(List.of("1.0"), s.condition().get("NumericEquals").get("k"));
    assertEquals(List.of("false"), s.condition().get("Bool").get("b"));
  }

  @Test
  void malformedJsonGivesLineAndColumn() {
    PolicyParse p =
        PolicyParser.parseJson("{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [}\n");
    assertTrue(p.document().isEmpty());
    PolicyProblem problem = p.problems().get(0);
    assertEquals("", problem.pointer());
    assertTrue(problem.message().contains("line 3, column"), problem.message());
  }

  @Test
  void duplicateJsonKeysAndTrailingContentAreMalformed() {
    assertTrue(PolicyParser.parseJson("{\"Version\":\"2012-10-17\",\"Version\":\"2012-10-17\"}")
        .problems().get(0).message().contains("Duplicate"));
    assertTrue(PolicyParser.parseJson("{\"Statement\":{}} x").document().isEmpty());
    assertEquals("", PolicyParser.parseJson("").problems().get(0).pointer());
  }

  @Test
  void toJsonIsCompactWithVersionFirst() {
    PolicyDocument d = ok(obj("Statement", list(allow("Sid", "A", "Condition",
        obj("Bool", obj("aws:SecureTransport", "true")))), "Version", "2012-10-17"));
    assertEquals("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"A\",\"Effect\":\"Allow\","
        + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\","
        + "\"Condition\":{\"Bool\":{\"aws:SecureTransport\":\"true\"}}}]}", PolicyParser.toJson(d));
  }

  @Test
  void toJsonRoundTrips() {
    PolicyDocument d = ok(obj("Version", "2012-10-17", "Id", "x", "Statement", list(
        allow("Action", list("a:b", "c:d"), "Principal", obj("AWS", list("1", "2"),
            "Service", "s.amazonaws.com")),
        allow("NotPrincipal", "*", "Resource", list("r \"quoted\""),
            "Condition", obj("StringLike", obj("k", list("v1", "v2")))))));
    PolicyDocument back = PolicyParser.parseJson(PolicyParser.toJson(d)).document().orElseThrow();
    assertEquals(d, back);
  }
}

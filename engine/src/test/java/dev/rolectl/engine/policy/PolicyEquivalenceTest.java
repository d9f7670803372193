package dev.rolectl.engine.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PolicyDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One test per awspolicyequivalence rule of aws-facts.md, equivalent and not. */
class PolicyEquivalenceTest {

  static PolicyDocument json(String text) {
    PolicyParse p = PolicyParser.parseJson(text.replace('\'', '"'));
    assertEquals(java.util.List.of(), p.problems());
    return p.document().orElseThrow();
  }

  /** A one-statement document with the statement's members given as JSON text. */
  static PolicyDocument stmt(String members) {
    return json("{'Version':'2012-10-17','Statement':[{" + members + "}]}");
  }

  static void assertEquivalent(PolicyDocument a, PolicyDocument b) {
    assertTrue(PolicyEquivalence.equivalent(a, b), a + "\n  vs\n" + b);
    assertTrue(PolicyEquivalence.equivalent(b, a), "symmetric");
    assertEquals(PolicyEquivalence.normalize(a).hashCode(),
        PolicyEquivalence.normalize(b).hashCode());
  }

  static void assertNotEquivalent(PolicyDocument a, PolicyDocument b) {
    assertFalse(PolicyEquivalence.equivalent(a, b), a + "\n  vs\n" + b);
    assertFalse(PolicyEquivalence.equivalent(b, a), "symmetric");
  }

  static final String S3 = "'Effect':'Allow','Action':'s3:GetObject','Resource':'*'";
  static final String SQS = "'Effect':'Deny','Action':'sqs:*','Resource':'*'";

  // ---- equivalent ----

  @Test
  void whitespaceAndKeyOrder() {
    assertEquivalent(
        json("{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'a:b',"
            + "'Resource':'*'}]}"),
        json("{\n  'Statement' : [ {\n 'Resource':'*', 'Action' : 'a:b', 'Effect':'Allow' } ],\n"
            + "  'Version':'2012-10-17'\n}"));
  }

  @Test
  void statementObjectVsOneElementArray() {
    assertEquivalent(
        json("{'Version':'2012-10-17','Statement':{" + S3 + "}}"),
        json("{'Version':'2012-10-17','Statement':[{" + S3 + "}]}"));
  }

  @Test
  void statementOrder() {
    assertEquivalent(
        json("{'Version':'2012-10-17','Statement':[{" + S3 + "},{" + SQS + "}]}"),
        json("{'Version':'2012-10-17','Statement':[{" + SQS + "},{" + S3 + "}]}"));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "'Effect':'Allow','Resource':'*','Action':%s",
      "'Effect':'Allow','Resource':'*','NotAction':%s",
      "'Effect':'Allow','Action':'a:b','Resource':%s",
      "'Effect':'Allow','Action':'a:b','NotResource':%s",
      "'Effect':'Allow','Action':'a:b','Principal':{'Service':%s}",
      "'Effect':'Allow','Action':'a:b','NotPrincipal':{'AWS':%s}",
      "'Effect':'Allow','Action':'a:b','Condition':{'StringEquals':{'k':%s}}"})
  void stringVsOneElementArray(String template) {
    assertEquivalent(stmt(template.formatted("'x'")), stmt(template.formatted("['x']")));
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "'Effect':'Allow','Resource':'*','Action':%s",
      "'Effect':'Allow','Resource':'*','NotAction':%s",
      "'Effect':'Allow','Action':'a:b','Resource':%s",
      "'Effect':'Allow','Action':'a:b','NotResource':%s",
      "'Effect':'Allow','Action':'a:b','Principal':{'Service':%s}",
      "'Effect':'Allow','Action':'a:b','NotPrincipal':{'AWS':%s}",
      "'Effect':'Allow','Action':'a:b','Condition':{'StringEquals':{'k':%s}}"})
  void elementOrder(String template) {
    assertEquivalent(stmt(template.formatted("['x','y','z']")),
        stmt(template.formatted("['z','x','y']")));
    assertNotEquivalent(stmt(template.formatted("['x','y']")),
        stmt(template.formatted("['x','z']")));
  }

  @Test
  void effectCase() {
    assertEquivalent(stmt("'Effect':'Allow','Action':'a:b','Resource':'*'"),
        stmt("'Effect':'aLLow','Action':'a:b','Resource':'*'"));
  }

  @Test
  void accountIdVsRootArn() {
    assertEquivalent(
        stmt("'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':'111122223333'}"),
        stmt("'Effect':'Allow','Action':'sts:AssumeRole',"
            + "'Principal':{'AWS':'arn:aws:iam::111122223333:root'}"));
    assertEquivalent(
        stmt("'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':['111122223333']}"),
        stmt("'Effect':'Allow','Action':'sts:AssumeRole',"
            + "'Principal':{'AWS':'arn:aws-us-gov:iam::111122223333:root'}"));
    assertNotEquivalent(
        stmt("'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':'111122223333'}"),
        stmt("'Effect':'Allow','Action':'sts:AssumeRole',"
            + "'Principal':{'AWS':'arn:aws:iam::111122223333:user/root'}"));
  }

  @Test
  void booleanAndNumberConditionValuesVsStrings() {
    assertEquivalent(
        stmt("'Effect':'Allow','Action':'a:b','Resource':'*',"
            + "'Condition':{'Bool':{'aws:SecureTransport':true},'NumericLessThan':{'n':10}}"),
        stmt("'Effect':'Allow','Action':'a:b','Resource':'*',"
            + "'Condition':{'Bool':{'aws:SecureTransport':'true'},"
            + "'NumericLessThan':{'n':['10']}}"));
  }

  // ---- not equivalent ----

  @Test
  void differentVersion() {
    assertNotEquivalent(json("{'Version':'2012-10-17','Statement':{" + S3 + "}}"),
        json("{'Version':'2008-10-17','Statement':{" + S3 + "}}"));
  }

  @Test
  void differentId() {
    assertNotEquivalent(json("{'Version':'2012-10-17','Id':'a','Statement':{" + S3 + "}}"),
        json("{'Version':'2012-10-17','Id':'b','Statement':{" + S3 + "}}"));
    assertNotEquivalent(json("{'Version':'2012-10-17','Id':'a','Statement':{" + S3 + "}}"),
        json("{'Version':'2012-10-17','Statement':{" + S3 + "}}"));
  }

  @Test
  void differentSid() {
    assertNotEquivalent(stmt("'Sid':'A'," + S3), stmt("'Sid':'B'," + S3));
    assertNotEquivalent(stmt("'Sid':'A'," + S3), stmt(S3));
  }

  /** awspolicyequivalence keeps duplicates significant; IAM ignores them, and so do we. */
  @Test
  void duplicateEntriesMeanNothingMore() {
    assertEquivalent(stmt("'Effect':'Allow','Resource':'*','Action':['a:b','a:b']"),
        stmt("'Effect':'Allow','Resource':'*','Action':['a:b']"));
    assertEquivalent(json("{'Version':'2012-10-17','Statement':[{" + S3 + "},{" + S3 + "}]}"),
        json("{'Version':'2012-10-17','Statement':[{" + S3 + "}]}"));
    assertEquivalent(stmt("'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':"
        + "['ecs.amazonaws.com','ecs.amazonaws.com']}"),
        stmt("'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'Service':"
        + "'ecs.amazonaws.com'}"));
  }

  @Test
  void oneWildcardCoveringAnother() {
    assertNotEquivalent(stmt("'Effect':'Allow','Resource':'*','Action':'s3:*'"),
        stmt("'Effect':'Allow','Resource':'*','Action':'s3:GetObject'"));
  }

  @Test
  void wildcardPrincipalVsAwsWildcard() {
    assertNotEquivalent(stmt("'Effect':'Allow','Action':'sts:AssumeRole','Principal':'*'"),
        stmt("'Effect':'Allow','Action':'sts:AssumeRole','Principal':{'AWS':'*'}"));
  }

  @Test
  void missingVersionVsCurrentVersion() {
    assertNotEquivalent(json("{'Statement':{" + S3 + "}}"),
        json("{'Version':'2012-10-17','Statement':{" + S3 + "}}"));
  }

  // ---- API edges ----

  @Test
  void nullsAreOnlyEquivalentToNull() {
    assertTrue(PolicyEquivalence.equivalent(null, null));
    assertFalse(PolicyEquivalence.equivalent(null, stmt(S3)));
  }

  @Test
  void normalFormRoundTripsThroughADocument() {
    NormalizedPolicy n = PolicyEquivalence.normalize(
        json("{'Version':'2012-10-17','Statement':[{" + SQS + "},{'Sid':'x'," + S3
            + ",'Principal':{'AWS':['arn:aws:iam::111122223333:root','b']}}]}"));
    assertEquals(n, PolicyEquivalence.normalize(n.toDocument()));
  }
}

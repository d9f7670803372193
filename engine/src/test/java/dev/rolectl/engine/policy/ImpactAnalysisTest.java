package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.AccessImpact.BROADENING;
import static dev.rolectl.engine.policy.AccessImpact.MIXED;
import static dev.rolectl.engine.policy.AccessImpact.NARROWING;
import static dev.rolectl.engine.policy.AccessImpact.NONE;
import static dev.rolectl.engine.policy.PolicyEquivalenceTest.json;
import static dev.rolectl.engine.policy.StatementDiffTest.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImpactAnalysisTest {
  static final String ALLOW = "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
  static final String DENY = "{'Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}";

  static AccessImpact impact(PolicyDocument before, PolicyDocument after) {
    return ImpactAnalysis.of(StatementDiff.diff(before, after));
  }

  static String trust(String principal) {
    return "{'Sid':'T','Effect':'Allow','Principal':" + principal + ",'Action':'sts:AssumeRole'}";
  }

  static String allowWith(String condition) {
    return "{'Sid':'C','Effect':'Allow','Action':'s3:GetObject','Resource':'*'"
        + (condition.isEmpty() ? "" : ",'Condition':" + condition) + "}";
  }

  @Test
  void allowAddedBroadens() {
    assertEquals(BROADENING, impact(doc(DENY), doc(DENY, ALLOW)));
    assertEquals(BROADENING, impact(null, doc(ALLOW)));
  }

  @Test
  void denyRemovedBroadens() {
    assertEquals(BROADENING, impact(doc(ALLOW, DENY), doc(ALLOW)));
  }

  @Test
  void allowRemovedNarrows() {
    assertEquals(NARROWING, impact(doc(ALLOW, DENY), doc(DENY)));
    assertEquals(NARROWING, impact(doc(ALLOW), null));
  }

  @Test
  void denyAddedNarrows() {
    assertEquals(NARROWING, impact(doc(ALLOW), doc(ALLOW, DENY)));
  }

  @Test
  void bothDirectionsAreMixed() {
    assertEquals(MIXED, impact(doc(ALLOW),
        doc("{'Effect':'Allow','Action':'s3:PutObject','Resource':'*'}")));
    assertEquals(NARROWING, impact(doc(ALLOW), doc(DENY)), "Allow removed and Deny added");
  }

  @Test
  void equivalentDocumentsHaveNoImpact() {
    assertEquals(NONE, impact(doc(ALLOW), json("{'Version':'2012-10-17','Statement':"
        + "{'Effect':'ALLOW','Action':['s3:GetObject'],'Resource':'*'}}")));
    assertEquals(NONE, impact(doc("{'Sid':'A','Effect':'Allow','Action':'a:b','Resource':'*'}"),
        doc("{'Sid':'B','Effect':'Allow','Action':'a:b','Resource':'*'}")));
  }

  @Test
  void principalAddedToTrustBroadensAndRemovedNarrows() {
    String ecs = trust("{'Service':'ecs.amazonaws.com'}");
    String both = trust("{'Service':['ecs.amazonaws.com'],'AWS':'111122223333'}");
    assertEquals(BROADENING, impact(doc(ecs), doc(both)));
    assertEquals(NARROWING, impact(doc(both), doc(ecs)));
    assertEquals(MIXED, impact(doc(ecs), doc(trust("{'AWS':'111122223333'}"))));
  }

  @Test
  void conditionRemovedBroadensAndAddedNarrows() {
    String cond = "{'StringEquals':{'aws:SourceAccount':'111122223333'}}";
    assertEquals(BROADENING, impact(doc(allowWith(cond)), doc(allowWith(""))));
    assertEquals(NARROWING, impact(doc(allowWith("")), doc(allowWith(cond))));
  }

  @Test
  void conditionValuesFollowTheOperator() {
    String one = "{'StringEquals':{'aws:SourceAccount':'1'}}";
    String two = "{'StringEquals':{'aws:SourceAccount':['1','2']}}";
    assertEquals(BROADENING, impact(doc(allowWith(one)), doc(allowWith(two))));
    assertEquals(NARROWING, impact(doc(allowWith(one.replace("StringEquals", "StringNotEquals"))),
        doc(allowWith(two.replace("StringEquals", "StringNotEquals")))));
    assertEquals(MIXED, impact(doc(allowWith("{'NumericLessThan':{'n':1}}")),
        doc(allowWith("{'NumericLessThan':{'n':2}}"))));
  }

  @Test
  void denyChangesAreInverted() {
    String deny = "{'Sid':'D','Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}";
    String wider = "{'Sid':'D','Effect':'Deny','Action':['s3:DeleteObject','s3:PutObject'],"
        + "'Resource':'*'}";
    assertEquals(NARROWING, impact(doc(deny), doc(wider)));
    assertEquals(BROADENING, impact(doc(wider), doc(deny)));
  }

  @Test
  void effectFlipFollowsTheNewEffect() {
    String allow = "{'Sid':'X','Effect':'Allow','Action':'a:b','Resource':'*'}";
    assertEquals(NARROWING, impact(doc(allow), doc(allow.replace("Allow", "Deny"))));
    assertEquals(BROADENING, impact(doc(allow.replace("Allow", "Deny")), doc(allow)));
  }

  @Test
  void switchingToNotActionBroadens() {
    String action = "{'Sid':'X','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
    String notAction = "{'Sid':'X','Effect':'Allow','NotAction':'iam:*','Resource':'*'}";
    assertEquals(BROADENING, impact(doc(action), doc(notAction)));
    assertEquals(NARROWING, impact(doc(notAction), doc(action)));
  }

  @Test
  void attachmentsAndReasons() {
    assertEquals(BROADENING, ImpactAnalysis.attach());
    assertEquals(NARROWING, ImpactAnalysis.detach());
    assertEquals(MIXED, ImpactAnalysis.attach().and(ImpactAnalysis.detach()));
    assertEquals(BROADENING, NONE.and(BROADENING));
    List<ImpactReason> reasons = ImpactAnalysis.explain(StatementDiff.diff(doc(DENY),
        doc(DENY, "{'Sid':'Pass','Effect':'Allow','Action':'iam:PassRole','Resource':'*'}")));
    assertEquals(1, reasons.size());
    assertTrue(reasons.get(0).description().contains("Sid Pass: Action iam:PassRole"),
        reasons.get(0).description());
  }
}

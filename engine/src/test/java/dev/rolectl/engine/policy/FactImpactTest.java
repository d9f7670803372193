package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.IamEquivalenceTest.doc;
import static dev.rolectl.engine.policy.PolicyEquivalenceTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The access impact computed on what documents mean (issue 10, case 2). */
class FactImpactTest {
  static AccessImpact impact(String before, String after) {
    return ImpactAnalysis.of(json(before), json(after));
  }

  static String passRole(String condition) {
    return doc("{'Effect':'Allow','Action':'iam:PassRole','Resource':'*','Condition':"
        + condition + "}");
  }

  @Test
  void equivalentRewritesAreNoChange() {
    assertEquals(AccessImpact.NONE, impact(
        doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"),
        doc("{'Effect':'Allow','Action':['S3:getobject','s3:GetObject'],'Resource':'*'}")));
    assertEquals(AccessImpact.NONE, impact(
        doc("{'Effect':'Allow','Principal':{'Service':['a.amazonaws.com','b.amazonaws.com']},"
            + "'Action':'sts:AssumeRole'}"),
        doc("{'Effect':'Allow','Principal':{'Service':'a.amazonaws.com'},'Action':"
            + "'sts:AssumeRole'},{'Effect':'Allow','Principal':{'Service':'b.amazonaws.com'},"
            + "'Action':'sts:AssumeRole'}")));
  }

  @Test
  void splittingWhileAddingAnActionOnlyBroadens() {
    assertEquals(AccessImpact.BROADENING, impact(
        doc("{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':'*'}"),
        doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'},{'Effect':'Allow',"
            + "'Action':['s3:PutObject','s3:DeleteObject'],'Resource':'*'}")));
    assertEquals(AccessImpact.NARROWING, impact(
        doc("{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':'*'}"),
        doc("{'Effect':'Allow','Action':'s3:getobject','Resource':'*'}")));
    assertEquals(AccessImpact.NARROWING, impact(
        doc("{'Effect':'Allow','Action':'s3:*','Resource':'*'}"),
        doc("{'Effect':'Allow','Action':'s3:*','Resource':'*'},{'Effect':'Deny','Action':"
            + "'s3:DeleteObject','Resource':'*'}")));
  }

  /** Breaker's F17 label: sts:* takes sts:AssumeRole in (action names ignore case). */
  @Test
  void anActionReplacedByAPatternThatTakesItInOnlyBroadens() {
    String ecs = "'Principal':{'Service':'ecs.amazonaws.com'}";
    assertEquals(AccessImpact.BROADENING, impact(
        doc("{'Effect':'Allow'," + ecs + ",'Action':'sts:AssumeRole'}"),
        doc("{'Effect':'Allow'," + ecs + ",'Action':'STS:*'}")));
    assertEquals(AccessImpact.BROADENING, impact(
        doc("{'Effect':'Allow','Action':['s3:GetObject','s3:Get*'],'Resource':'*'}"),
        doc("{'Sid':'All','Effect':'Allow','Action':'*','Resource':'*'}")));
    assertEquals(AccessImpact.NARROWING, impact(
        doc("{'Effect':'Deny','Action':'s3:DeleteObject','Resource':'*'}"),
        doc("{'Effect':'Deny','Action':'s3:*','Resource':'*'}")), "a wider Deny only narrows");
    assertEquals(AccessImpact.MIXED, impact(
        doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"),
        doc("{'Effect':'Allow','Action':'ec2:*','Resource':'*'}")), "another service");
    assertEquals(AccessImpact.MIXED, impact(
        doc("{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}"),
        doc("{'Effect':'Allow','Action':'s3:G?t*','Resource':'*'}")),
        "pattern containment is not decided: narrows (fail closed)");
    assertEquals(AccessImpact.MIXED, impact(
        doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'arn:aws:s3:::a/*'}"),
        doc("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b/*'}")),
        "the pattern must be for the same resource");
    assertEquals(AccessImpact.MIXED, impact(
        doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"),
        doc("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'Bool':"
            + "{'aws:SecureTransport':'true'}}}")), "or under the same Condition");
  }

  @Test
  void conditionOperatorChangeIsJudgedByWhatItAccepts() {
    String equalsEcs = passRole("{'StringEquals':{'iam:PassedToService':'ecs.amazonaws.com'}}");
    String likeEcs = passRole("{'StringLike':{'iam:PassedToService':'ecs*'}}");
    assertEquals(AccessImpact.BROADENING, impact(equalsEcs, likeEcs));
    assertEquals(AccessImpact.NARROWING, impact(likeEcs, equalsEcs));
    assertEquals(AccessImpact.MIXED, impact(equalsEcs,
        passRole("{'StringEquals':{'iam:PassedToService':'ec2.amazonaws.com'}}")));
    assertEquals(AccessImpact.BROADENING, impact(equalsEcs,
        passRole("{'StringEquals':{'iam:PassedToService':['ecs.amazonaws.com','x']}}")));
    assertEquals(AccessImpact.BROADENING, impact(equalsEcs,
        passRole("{'StringEqualsIfExists':{'iam:PassedToService':'ecs.amazonaws.com'}}")));
    assertEquals(AccessImpact.NARROWING, impact(
        passRole("{'StringNotEquals':{'aws:PrincipalTag/t':'a'}}"),
        passRole("{'StringNotEquals':{'aws:PrincipalTag/t':['a','b']}}")));
    assertEquals(AccessImpact.BROADENING, impact(equalsEcs,
        doc("{'Effect':'Allow','Action':'iam:PassRole','Resource':'*'}")));
    assertEquals(AccessImpact.NONE, impact(equalsEcs,
        passRole("{'StringEquals':{'IAM:PassedToService':'ecs.amazonaws.com'}}")));
  }

  @Test
  void sidVersionAndIdChangesAreNone() {
    assertEquals(AccessImpact.NONE, impact(
        doc("{'Sid':'A','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}"),
        doc("{'Sid':'B','Effect':'Allow','Action':'s3:GetObject','Resource':'*'}")));
    assertEquals(AccessImpact.NONE, impact(
        "{'Statement':[{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}]}",
        doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}")));
  }

  @Test
  void briefLossCombines() {
    assertEquals(AccessImpact.BRIEF_LOSS, AccessImpact.BRIEF_LOSS.and(AccessImpact.NONE));
    assertEquals(AccessImpact.NARROWING, AccessImpact.BRIEF_LOSS.and(AccessImpact.NARROWING));
    assertEquals(AccessImpact.MIXED, AccessImpact.BROADENING.and(AccessImpact.BRIEF_LOSS));
  }
}

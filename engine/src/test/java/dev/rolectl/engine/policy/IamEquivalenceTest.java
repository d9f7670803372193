package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.PolicyEquivalenceTest.assertEquivalent;
import static dev.rolectl.engine.policy.PolicyEquivalenceTest.assertNotEquivalent;
import static dev.rolectl.engine.policy.PolicyEquivalenceTest.json;

import org.junit.jupiter.api.Test;

/** The equivalences IAM itself has beyond awspolicyequivalence (issue 10), one rule per test. */
class IamEquivalenceTest {
  static String doc(String statements) {
    return "{'Version':'2012-10-17','Statement':[" + statements + "]}";
  }

  @Test
  void actionNamesIgnoreCase() {
    assertEquivalent(json(doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}")),
        json(doc("{'Effect':'Allow','Action':'S3:getobject','Resource':'*'}")));
    assertEquivalent(json(doc("{'Effect':'Allow','Action':'s3:Get*','Resource':'*'}")),
        json(doc("{'Effect':'Allow','Action':'s3:get*','Resource':'*'}")));
    assertEquivalent(json(doc("{'Effect':'Allow','NotAction':'iam:*','Resource':'*'}")),
        json(doc("{'Effect':'Allow','NotAction':'IAM:*','Resource':'*'}")));
  }

  @Test
  void conditionKeysIgnoreCaseButValuesDoNot() {
    assertEquivalent(
        json(doc("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'IpAddress':"
            + "{'aws:SourceIp':'10.0.0.0/8'}}}")),
        json(doc("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'IpAddress':"
            + "{'aws:sourceip':'10.0.0.0/8'}}}")));
    assertNotEquivalent(
        json(doc("{'Effect':'Allow','Action':'iam:PassRole','Resource':'*','Condition':{"
            + "'StringEquals':{'iam:PassedToService':'ecs.amazonaws.com'}}}")),
        json(doc("{'Effect':'Allow','Action':'iam:PassRole','Resource':'*','Condition':{"
            + "'StringEquals':{'iam:PassedToService':'ECS.amazonaws.com'}}}")));
    assertNotEquivalent(
        json(doc("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{'StringEquals':"
            + "{'aws:SourceVpc':'v'}}}")),
        json(doc("{'Effect':'Allow','Action':'s3:*','Resource':'*','Condition':{"
            + "'stringequals':{'aws:SourceVpc':'v'}}}")));
  }

  @Test
  void resourcesStayCaseSensitive() {
    assertNotEquivalent(json(doc("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::B'}")),
        json(doc("{'Effect':'Allow','Action':'s3:*','Resource':'arn:aws:s3:::b'}")));
  }

  @Test
  void trustStatementSplitPerServiceIsTheSame() {
    assertEquivalent(
        json(doc("{'Effect':'Allow','Principal':{'Service':['ecs.amazonaws.com',"
            + "'ecs-tasks.amazonaws.com']},'Action':'sts:AssumeRole'}")),
        json(doc("{'Effect':'Allow','Principal':{'Service':'ecs.amazonaws.com'},"
            + "'Action':'sts:AssumeRole'},{'Effect':'Allow','Principal':{'Service':"
            + "'ecs-tasks.amazonaws.com'},'Action':'sts:AssumeRole'}")));
    assertEquivalent(
        json(doc("{'Effect':'Allow','Principal':{'Service':'ecs.amazonaws.com','AWS':"
            + "'111122223333'},'Action':['sts:AssumeRole','sts:TagSession']}")),
        json(doc("{'Effect':'Allow','Principal':{'Service':'ecs.amazonaws.com'},'Action':"
            + "['sts:AssumeRole','sts:TagSession']},{'Effect':'Allow','Principal':{'AWS':"
            + "'arn:aws:iam::111122223333:root'},'Action':['sts:TagSession','sts:AssumeRole']}")));
  }

  @Test
  void statementsSplitOrMergedOverActionsAndResources() {
    assertEquivalent(
        json(doc("{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':"
            + "['arn:aws:s3:::a/*','arn:aws:s3:::b/*']}")),
        json(doc("{'Effect':'Allow','Action':'s3:GetObject','Resource':['arn:aws:s3:::a/*',"
            + "'arn:aws:s3:::b/*']},{'Effect':'Allow','Action':'s3:PutObject','Resource':"
            + "'arn:aws:s3:::a/*'},{'Effect':'Allow','Action':'s3:putobject','Resource':"
            + "'arn:aws:s3:::b/*'}")));
  }

  @Test
  void splittingNeedsTheSameEffectConditionSidAndNotElements() {
    String one = doc("{'Effect':'Allow','Action':['s3:GetObject','s3:PutObject'],'Resource':'*'}");
    assertNotEquivalent(json(one), json(doc(
        "{'Sid':'A','Effect':'Allow','Action':'s3:GetObject','Resource':'*'},"
            + "{'Sid':'B','Effect':'Allow','Action':'s3:PutObject','Resource':'*'}")));
    assertNotEquivalent(json(one), json(doc(
        "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'},{'Effect':'Allow','Action':"
            + "'s3:PutObject','Resource':'*','Condition':{'Bool':{'aws:SecureTransport':'true'}}}")));
    assertNotEquivalent(
        json(doc("{'Effect':'Allow','NotAction':['s3:*','iam:*'],'Resource':'*'}")),
        json(doc("{'Effect':'Allow','NotAction':'s3:*','Resource':'*'},{'Effect':'Allow',"
            + "'NotAction':'iam:*','Resource':'*'}")));
    assertNotEquivalent(
        json(doc("{'Effect':'Allow','Principal':'*','Action':'sts:AssumeRole'}")),
        json(doc("{'Effect':'Allow','Principal':{'AWS':'*'},'Action':'sts:AssumeRole'}")));
  }
}

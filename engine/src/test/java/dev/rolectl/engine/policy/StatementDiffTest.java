package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.PolicyEquivalenceTest.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.policy.PolicyDiff.StatementChange;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StatementDiffTest {

  static PolicyDocument doc(String... statements) {
    return json("{'Version':'2012-10-17','Statement':[" + String.join(",", statements) + "]}");
  }

  static final String ECS_TRUST = "{'Sid':'Ecs','Effect':'Allow',"
      + "'Principal':{'Service':'ecs.amazonaws.com'},'Action':'sts:AssumeRole'}";
  static final String S3 = "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*'}";
  static final String SQS = "{'Effect':'Deny','Action':'sqs:*','Resource':'*'}";

  @Test
  void equivalentDocumentsHaveAnEmptyDiff() {
    PolicyDiff d = StatementDiff.diff(doc(S3, SQS),
        json("{'Version':'2012-10-17','Statement':[" + SQS + ",{'Resource':['*'],"
            + "'Action':['s3:GetObject'],'Effect':'allow'}]}"));
    assertTrue(d.isEmpty(), d.toString());
  }

  @Test
  void addedAndRemovedStatements() {
    PolicyDiff d = StatementDiff.diff(doc(S3, SQS), doc(SQS, ECS_TRUST));
    assertEquals(List.of(doc(ECS_TRUST).statements().get(0)), d.added());
    assertEquals(List.of(doc(S3).statements().get(0)), d.removed());
    assertEquals(List.of(), d.changed());
  }

  @Test
  void sameSidIsAChangeWithTheElementsThatChanged() {
    PolicyDiff d = StatementDiff.diff(doc(ECS_TRUST),
        doc("{'Sid':'Ecs','Effect':'Allow','Principal':{'Service':'ecs-tasks.amazonaws.com'},"
            + "'Action':['sts:AssumeRole','sts:TagSession']}"));
    assertEquals(1, d.changed().size());
    StatementChange c = d.changed().get(0);
    assertEquals(Set.of(PolicyElement.PRINCIPAL, PolicyElement.ACTION), c.elements());
    assertEquals(List.of(PolicyElement.PRINCIPAL, PolicyElement.ACTION),
        List.copyOf(c.elements()), "declaration order");
    assertEquals("Ecs", c.before().sid());
    assertTrue(d.added().isEmpty() && d.removed().isEmpty());
  }

  @Test
  void sameShapeWithOnlyConditionChangedIsAChange() {
    String withCondition = "{'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
        + "'Condition':{'Bool':{'aws:SecureTransport':true}}}";
    PolicyDiff d = StatementDiff.diff(doc(S3), doc(withCondition));
    assertEquals(Set.of(PolicyElement.CONDITION), d.changed().get(0).elements());
  }

  @Test
  void renamedSidIsAChangeOfSidOnly() {
    PolicyDiff d = StatementDiff.diff(doc(ECS_TRUST), doc(ECS_TRUST.replace("'Ecs'", "'Ecs2'")));
    assertEquals(Set.of(PolicyElement.SID), d.changed().get(0).elements());
  }

  @Test
  void differentShapeWithoutSidIsAddAndRemove() {
    PolicyDiff d = StatementDiff.diff(doc(S3),
        doc("{'Effect':'Allow','Action':'s3:PutObject','Resource':'*'}"));
    assertEquals(1, d.added().size());
    assertEquals(1, d.removed().size());
    assertTrue(d.changed().isEmpty());
  }

  @Test
  void duplicateStatementsCount() {
    PolicyDiff d = StatementDiff.diff(doc(S3), doc(S3, S3));
    assertEquals(1, d.added().size());
    assertTrue(d.removed().isEmpty());
  }

  @Test
  void newAndDeletedDocuments() {
    PolicyDiff created = StatementDiff.diff(null, doc(S3, SQS));
    assertEquals(2, created.added().size());
    assertTrue(created.documentChanges().isEmpty());
    PolicyDiff deleted = StatementDiff.diff(doc(S3), null);
    assertEquals(1, deleted.removed().size());
    assertTrue(StatementDiff.diff(null, null).isEmpty());
  }

  @Test
  void versionAndIdChangesAreDocumentChanges() {
    PolicyDiff d = StatementDiff.diff(json("{'Statement':" + S3 + "}"),
        json("{'Version':'2012-10-17','Id':'x','Statement':" + S3 + "}"));
    assertEquals(Set.of(PolicyElement.VERSION, PolicyElement.ID), d.documentChanges());
    assertTrue(d.added().isEmpty() && d.changed().isEmpty());
  }
}

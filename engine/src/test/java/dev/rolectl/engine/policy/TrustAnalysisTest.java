package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.StatementDiffTest.doc;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrustAnalysisTest {
  static final String ECS = "ecs.amazonaws.com";

  static String stmt(String effect, String principal, String action, String condition) {
    return "{'Effect':'" + effect + "','Principal':" + principal + "," + action
        + (condition == null ? "" : ",'Condition':" + condition) + "}";
  }

  static boolean allows(String... statements) {
    return TrustAnalysis.allowsAssume(doc(statements), ECS);
  }

  @Test
  void theGuidesTrustPolicyAdmitsEcs() {
    assertTrue(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}",
        "'Action':'sts:AssumeRole'", null)));
  }

  @Test
  void otherServicesDoNotAdmitEcs() {
    assertFalse(allows(stmt("Allow", "{'Service':'ecs-tasks.amazonaws.com'}",
        "'Action':'sts:AssumeRole'", null)));
  }

  static boolean surely(String... statements) {
    return TrustAnalysis.surelyAllowsAssume(doc(statements), ECS);
  }

  @Test
  void serviceAndActionCompareIgnoringCase() {
    assertTrue(allows(stmt("Allow", "{'Service':'ECS.amazonaws.com'}",
        "'Action':'STS:assumerole'", null)));
  }

  /**
   * AWS documents that action names ignore case, not that service principals do: for "can ECS
   * still assume the role" only the principal as AWS writes it counts, and a Deny in any case
   * may stop it; for "may ECS be using it" a Deny stops it only when it names ECS exactly.
   */
  @Test
  void surelyCountsOnlyTheServicePrincipalAsAwsWritesIt() {
    String exact = stmt("Allow", "{'Service':'ecs.amazonaws.com'}", "'Action':'STS:assumerole'",
        null);
    String upper = stmt("Allow", "{'Service':'ECS.AMAZONAWS.COM'}", "'Action':'sts:AssumeRole'",
        null);
    String pattern = stmt("Allow", "{'Service':'ecs.*'}", "'Action':'sts:AssumeRole'", null);
    String denyUpper = stmt("Deny", "{'Service':'ECS.AMAZONAWS.COM'}", "'Action':'sts:*'", null);
    assertTrue(surely(exact));
    assertTrue(surely(stmt("Allow", "'*'", "'Action':'sts:*'", null)));
    assertFalse(surely(upper));
    assertFalse(surely(pattern));
    assertFalse(surely(exact, denyUpper));
    assertTrue(allows(upper));
    assertTrue(allows(pattern));
    assertTrue(allows(exact, denyUpper), "a Deny in another case may not stop ECS");
    assertFalse(allows(exact, stmt("Deny", "{'Service':'ecs.amazonaws.com'}", "'Action':'sts:*'",
        null)));
    assertFalse(surely("{'Effect':'Allow','NotPrincipal':{'Service':'ECS.amazonaws.com'},"
        + "'Action':'sts:AssumeRole'}"));
    assertTrue(allows("{'Effect':'Allow','NotPrincipal':{'Service':'ECS.amazonaws.com'},"
        + "'Action':'sts:AssumeRole'}"));
  }

  @Test
  void actionWildcardsAndNotAction() {
    assertTrue(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}", "'Action':'sts:*'", null)));
    assertTrue(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}", "'Action':'*'", null)));
    assertTrue(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}",
        "'Action':'sts:Assume?ole'", null)));
    assertTrue(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}",
        "'NotAction':'sts:TagSession'", null)));
    assertFalse(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}",
        "'NotAction':'sts:Assume*'", null)));
    assertFalse(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}",
        "'Action':'sts:AssumeRoleWithSAML'", null)));
  }

  @Test
  void wildcardPrincipalsAdmitEcs() {
    assertTrue(allows(stmt("Allow", "'*'", "'Action':'sts:AssumeRole'", null)));
    assertTrue(allows(stmt("Allow", "{'AWS':'*'}", "'Action':'sts:AssumeRole'", null)));
    assertFalse(allows(stmt("Allow", "{'AWS':'111122223333'}", "'Action':'sts:AssumeRole'",
        null)));
  }

  @Test
  void unconditionalDenyWins() {
    String allow = stmt("Allow", "{'Service':'ecs.amazonaws.com'}", "'Action':'sts:AssumeRole'",
        null);
    assertFalse(allows(allow, stmt("Deny", "'*'", "'Action':'sts:*'", null)));
    assertTrue(allows(allow, stmt("Deny", "'*'", "'Action':'sts:*'",
        "{'StringNotEquals':{'aws:SourceAccount':'111122223333'}}")));
    assertTrue(allows(allow, stmt("Deny", "{'Service':'ecs-tasks.amazonaws.com'}",
        "'Action':'sts:*'", null)));
  }

  @Test
  void conditionalAllowStillAdmits() {
    assertTrue(allows(stmt("Allow", "{'Service':'ecs.amazonaws.com'}", "'Action':'sts:AssumeRole'",
        "{'StringEquals':{'aws:SourceAccount':'111122223333'}}")));
  }

  @Test
  void notPrincipal() {
    assertTrue(allows("{'Effect':'Allow','NotPrincipal':{'AWS':'111122223333'},"
        + "'Action':'sts:AssumeRole'}"));
    assertFalse(allows("{'Effect':'Allow','NotPrincipal':{'Service':'ecs.amazonaws.com'},"
        + "'Action':'sts:AssumeRole'}"));
  }

  @Test
  void noDocumentAdmitsNothing() {
    assertFalse(TrustAnalysis.allowsAssume(null, ECS));
  }

  @Test
  void iamPatterns() {
    assertTrue(IamPatterns.matches("iam:Put*Policy", "iam:PutRolePolicy"));
    assertTrue(IamPatterns.matches("*", "anything"));
    assertTrue(IamPatterns.matches("a*b*c", "aXXbYbZc"));
    assertFalse(IamPatterns.matches("iam:Put*Policy", "iam:PutRolePermissionsBoundary"));
    assertFalse(IamPatterns.matches("iam:Get?", "iam:Get"));
  }
}

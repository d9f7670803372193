package dev.rolectl.engine.policy;

import static dev.rolectl.engine.policy.StatementDiffTest.doc;
import static dev.rolectl.engine.policy.TrustAnalysisTest.ECS;
import static dev.rolectl.engine.policy.TrustAnalysisTest.stmt;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.PolicyDocument;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What a trust policy change does to ECS's sts:AssumeRole, conditions included. */
class AssumeChangeTest {
  static final String SERVICE = "{'Service':'ecs.amazonaws.com'}";
  static final String ASSUME = "'Action':'sts:AssumeRole'";
  static final String OTHER_ACCOUNT = "{'StringEquals':{'aws:SourceAccount':'999999999999'}}";
  static final PolicyDocument PLAIN = doc(stmt("Allow", SERVICE, ASSUME, null));

  static Optional<AssumeChange.Loss> loss(PolicyDocument before, PolicyDocument after) {
    return AssumeChange.of(before, after, ECS);
  }

  @Test
  void droppingTheServiceIsACertainLoss() {
    AssumeChange.Loss l = loss(PLAIN, doc(stmt("Allow", "{'Service':'ec2.amazonaws.com'}", ASSUME,
        null))).orElseThrow();

    assertTrue(l.certain());
    assertEquals("no Allow statement lets ecs.amazonaws.com call sts:AssumeRole", l.reasons().get(0));
  }

  @Test
  void anAddedConditionIsAPossibleLossThatNamesIt() {
    AssumeChange.Loss l = loss(PLAIN, doc(stmt("Allow", SERVICE, ASSUME, OTHER_ACCOUNT))).orElseThrow();

    assertFalse(l.certain());
    assertEquals("the Allow statement (Principal {Service: ecs.amazonaws.com}, Action sts:AssumeRole)"
        + " that admits ecs.amazonaws.com has Condition StringEquals aws:SourceAccount"
        + " \"999999999999\"", l.reasons().get(0));
  }

  @Test
  void aConditionalDenyThroughAWildcardIsAPossibleLoss() {
    AssumeChange.Loss l = loss(PLAIN, doc(stmt("Allow", SERVICE, ASSUME, null),
        stmt("Deny", "'*'", "'Action':'sts:*'", "{'Null':{'aws:SourceArn':'true'}}"))).orElseThrow();

    assertFalse(l.certain());
    assertTrue(l.reasons().get(0).startsWith("a Deny statement (Principal \"*\", Action sts:*)"),
        l.reasons()::toString);
  }

  @Test
  void droppingTheUnconditionalAllowLeavingAConditionalOneIsAPossibleLoss() {
    PolicyDocument both = doc(stmt("Allow", SERVICE, ASSUME, null),
        stmt("Allow", "'*'", ASSUME, OTHER_ACCOUNT));

    AssumeChange.Loss l = loss(both, doc(stmt("Allow", "'*'", ASSUME, OTHER_ACCOUNT))).orElseThrow();

    assertFalse(l.certain());
    assertTrue(l.reasons().get(0).contains("is removed"), l.reasons()::toString);
  }

  @Test
  void whatKeepsAPlainAllowAndNoDenyIsNoLoss() {
    PolicyDocument conditioned = doc(stmt("Allow", SERVICE, ASSUME, OTHER_ACCOUNT));
    assertEquals(Optional.empty(), loss(conditioned, PLAIN), "a condition removed");
    assertEquals(Optional.empty(), loss(PLAIN, doc(stmt("Allow", SERVICE, ASSUME, null),
        stmt("Allow", "{'Service':'ec2.amazonaws.com'}", ASSUME, OTHER_ACCOUNT))),
        "a conditional statement for someone else");
    assertEquals(Optional.empty(), loss(doc(stmt("Allow", "{'Service':'ec2.amazonaws.com'}",
        ASSUME, null)), doc(stmt("Allow", SERVICE, ASSUME, OTHER_ACCOUNT))),
        "ECS could not assume it before");
  }

  @Test
  void aServicePatternInADenyIsTakenToMatch() {
    PolicyDocument denied = doc(stmt("Allow", SERVICE, ASSUME, null),
        stmt("Deny", "{'Service':'*.amazonaws.com'}", ASSUME, null));
    assertFalse(TrustAnalysis.surelyAllowsAssume(denied, ECS), "ECS may be denied");
    assertTrue(TrustAnalysis.allowsAssume(denied, ECS), "so ECS may still be using the role");
    AssumeChange.Loss l = loss(PLAIN, denied).orElseThrow();
    assertFalse(l.certain());
    assertTrue(l.reasons().get(0).contains("without a Condition may deny ecs.amazonaws.com"),
        l.reasons()::toString);
  }

  /** Breaker's F17: AWS does not document that service principals ignore case: fail closed. */
  @Test
  void theOnlyAllowNamingTheServiceInAnotherCaseIsAPossibleLoss() {
    PolicyDocument upper = doc(stmt("Allow", "{'Service':'ECS.AMAZONAWS.COM'}", ASSUME, null));
    AssumeChange.Loss l = loss(PLAIN, upper).orElseThrow();
    assertFalse(l.certain());
    assertEquals(AssumeChange.CASE_NOT_DOCUMENTED, l.cannotTell());
    assertEquals("the Allow statement (Principal {Service: ECS.AMAZONAWS.COM}, Action"
        + " sts:AssumeRole) does not name ecs.amazonaws.com as AWS writes it", l.reasons().get(0));
    assertEquals(Optional.empty(), loss(upper, PLAIN), "writing it as AWS does is no loss");
    assertEquals(Optional.empty(), loss(PLAIN, doc(stmt("Allow", SERVICE, ASSUME, null),
        stmt("Allow", "{'Service':'ECS.AMAZONAWS.COM'}", ASSUME, OTHER_ACCOUNT))));
    assertFalse(loss(upper, doc(stmt("Allow", SERVICE, ASSUME, OTHER_ACCOUNT))).isEmpty(),
        "a condition added where the old Allow may have admitted ECS");
  }

  @Test
  void aDenyInAnotherCaseIsAPossibleLossWithOrWithoutACondition() {
    AssumeChange.Loss plain = loss(PLAIN, doc(stmt("Allow", SERVICE, ASSUME, null),
        stmt("Deny", "{'Service':'ECS.AMAZONAWS.COM'}", ASSUME, null))).orElseThrow();
    assertFalse(plain.certain());
    assertTrue(plain.reasons().get(0).contains("may deny ecs.amazonaws.com"), plain::toString);
    assertFalse(loss(PLAIN, doc(stmt("Allow", SERVICE, ASSUME, null),
        stmt("Deny", "{'Service':'ECS.AMAZONAWS.COM'}", ASSUME, OTHER_ACCOUNT))).isEmpty());
  }
}

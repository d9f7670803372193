package dev.rolectl.engine.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Role ARNs as ECS may write them name the stack's role whatever their case and path: IAM names
 * are case-insensitive, and for the safety rules "same" is the careful answer.
 */
class RoleArnsTest {
  static final String ROLE = "arn:aws:iam::123456789012:role/infra";

  @Test
  void nameAndPathDoNotDecideButCaseIgnored() {
    assertTrue(RoleArns.sameRole(ROLE, "arn:aws:iam::123456789012:role/Infra"));
    assertTrue(RoleArns.sameRole(ROLE, "arn:aws:iam::123456789012:role/ecs/INFRA"));
    assertTrue(RoleArns.sameRole(ROLE, " arn:aws:iam::123456789012:role/infra "));
  }

  @Test
  void theArnsOwnWordsAreReadInAnyCase() {
    assertTrue(RoleArns.sameRole(ROLE, "ARN:AWS:IAM::123456789012:ROLE/INFRA"));
    assertTrue(RoleArns.sameRole("arn:AWS-US-GOV:iam::123456789012:Role/infra",
        "arn:aws-us-gov:iam::123456789012:role/infra"));
    assertEquals(Optional.of("Infra"), RoleArns.roleName("ARN:aws:IAM::1:ROLE/p/Infra"));
  }

  @Test
  void anotherAccountPartitionOrNameIsAnotherRole() {
    assertFalse(RoleArns.sameRole(ROLE, "arn:aws:iam::210987654321:role/infra"));
    assertFalse(RoleArns.sameRole(ROLE, "arn:aws-cn:iam::123456789012:role/infra"));
    assertFalse(RoleArns.sameRole(ROLE, "arn:aws:iam::123456789012:role/infra2"));
    assertFalse(RoleArns.sameRole(ROLE, "arn:aws:iam::123456789012:user/infra"));
    assertFalse(RoleArns.sameRole(ROLE, "infra"));
  }
}

package dev.rolectl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.access.AccessReport;
import dev.rolectl.engine.access.Grant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * What {@code --approve-broadening DIGEST} approves: the plan's changes and the new access they
 * grant as analysed. The same changes granting more (someone gained permissions in live IAM
 * since the review: found by a breaker) give another digest, so the approval does not cover it.
 */
class PlanDigestTest {
  private static AccessReport granting(String... principals) {
    List<AccessReport.NewAccess> facts = java.util.Arrays.stream(principals)
        .map(p -> new AccessReport.NewAccess(p, "sts:AssumeRole", "role r", "", Grant.YES,
            List.of(), List.of("roles.r")))
        .toList();
    return new AccessReport(Grant.YES, facts, 0, List.of(), Map.of(), List.of());
  }

  @Test
  void theDigestCoversTheNewAccessAsWellAsTheChanges() {
    Plan plan = PlanFileCheckTest.plan();
    String reviewed = PlanDigest.of(plan.withAccess(granting("service ecs.amazonaws.com")));

    assertEquals(reviewed, PlanDigest.of(plan.withAccess(granting("service ecs.amazonaws.com"))),
        "the same plan and access: the same digest");
    Plan more = plan.withAccess(granting("service ecs.amazonaws.com", "user mallory"));
    assertNotEquals(reviewed, PlanDigest.of(more));
    assertFalse(PlanDigest.names(reviewed, more));
    assertTrue(PlanDigest.names(reviewed.toUpperCase(java.util.Locale.ROOT).replace("SHA256:", ""),
        plan.withAccess(granting("service ecs.amazonaws.com"))));
  }
}

package dev.rolectl.engine.access;

import static dev.rolectl.engine.access.AccessFixtures.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Role;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A role that moves to another path (a new ARN) or gets new tags is asked about as it is on each
 * side: a principal allowed only on the new ARN, or only with the new tag, is newly allowed
 * (found by a breaker: both were "grants new access: no", and --require-approval let them pass).
 */
class AccessRoleMovesTest {
  private static Role with(Role r, String path, Map<String, String> tags) {
    return new Role(r.address(), r.location(), r.name(), path, null, 3600, r.trustPolicy(), null,
        tags, null, false, false, Set.of());
  }

  private static Live opsWith(String statement) {
    return new Live()
        .role("app", ECS_TRUST, List.of(), Map.of(), null)
        .policy("opsPass", statements(statement))
        .user("ops", List.of(policyArn("opsPass")), Map.of(), List.of(), null);
  }

  @Test
  void aPathChangeIntoWhatSomeoneMayPassIsNewAccess() {
    Live live = opsWith("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\""
        + "arn:aws:iam::" + ACCOUNT + ":role/admin/*\"}");
    Role app = role("app", ECS_TRUST);
    AccessReport r = AccessAnalysis.of(live.account(),
        List.of(update(app, with(app, "/admin/", Map.of()))));
    assertEquals(Grant.YES, r.grantsNewAccess(), r.newAccess().toString());
    assertTrue(r.newAccess().stream().anyMatch(f -> f.principal().equals("user ops")
        && f.action().equals("iam:PassRole")), r.newAccess().toString());
  }

  @Test
  void aTagThatAConditionWaitsForIsNewAccess() {
    Live live = opsWith("{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\",\"Resource\":\"*\","
        + "\"Condition\":{\"StringEquals\":{\"aws:ResourceTag/team\":\"ops\"}}}");
    Role app = role("app", ECS_TRUST);
    AccessReport r = AccessAnalysis.of(live.account(),
        List.of(update(app, with(app, "/", Map.of("team", "ops")))));
    assertEquals(Grant.YES, r.grantsNewAccess(), r.newAccess().toString());
    assertTrue(r.newAccess().stream().anyMatch(f -> f.principal().equals("user ops")
        && f.action().equals("iam:PassRole")), r.newAccess().toString());
    assertEquals(List.of(), r.roles().get(0).before().passers(), "ops could not pass it before");
  }
}

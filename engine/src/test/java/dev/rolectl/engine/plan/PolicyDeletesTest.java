package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.ACCOUNT;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.PrincipalType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cases 4 and 5 of issue 9: what deleting a customer policy implies. */
class PolicyDeletesTest {
  private static final String ARN = "arn:aws:iam::" + ACCOUNT + ":policy/fence";
  private static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:test.json", Instant.parse("2026-11-29T00:00:00Z"));

  private static LiveAccount account(String boundaryRole, List<LivePrincipal> principals) {
    LiveAccount base = new Fixtures.Live()
        .policy("fence", Fixtures.allow("s3:*", "*"), owned(Map.of()),
            Map.of(PrincipalType.USER, List.of("deployer")))
        .build();
    Map<String, LiveRole> roles = new java.util.HashMap<>();
    if (boundaryRole != null) {
      roles.put(boundaryRole, new LiveRole(boundaryRole, "/", "arn:aws:iam::" + ACCOUNT + ":role/"
          + boundaryRole, "AROA", null, 3600, trust("ec2.amazonaws.com"), ARN, Map.of(), List.of(),
          Map.of(), List.of(), null));
    }
    return new LiveAccount(ACCOUNT, "aws", roles, base.policies(), principals);
  }

  @Test
  void deletingAPolicyListsEveryDetachmentItImplies() {
    Plan plan = Differ.plan(stack(), account(null, List.of(
        new LivePrincipal(PrincipalType.USER, "deployer", List.of(ARN)))), OPTIONS).plan().orElseThrow();
    ResourceChange detach = plan.changes().stream()
        .filter(c -> c.address().equals(Address.principalAttachment("fence", PrincipalType.USER, "deployer")))
        .findFirst().orElseThrow();
    assertEquals(Action.DELETE, detach.action());
    assertTrue(detach.reason().contains("policies.fence is deleted"), detach.reason());
  }

  @Test
  void aPolicyInUseAsABoundaryIsNotDeletedAndThePlanNamesWhoUsesIt() {
    PlanResult r = Differ.plan(stack(), account("app", List.of(
        new LivePrincipal(PrincipalType.USER, "ci", List.of(), ARN))), OPTIONS);
    assertTrue(r.plan().isEmpty());
    Diagnostic d = r.diagnostics().stream().filter(Diagnostic::isError).findFirst().orElseThrow();
    assertEquals(PolicyDeletes.RULE, d.rule());
    assertTrue(d.message().contains("role app") && d.message().contains("user ci"), d.message());
    assertTrue(d.message().contains(ARN), d.message());
  }

  @Test
  void aBoundaryThatThePlanTakesAwayDoesNotStopTheDelete() {
    LiveAccount live = account("app", List.of());
    LiveRole app = live.roles().get("app");
    Map<String, LiveRole> owned = Map.of("app", new LiveRole("app", "/", app.arn(), app.roleId(),
        null, 3600, app.trustPolicy(), ARN, owned(Map.of()), List.of(), Map.of(), List.of(), null));
    LiveAccount ours = new LiveAccount(ACCOUNT, "aws", owned, live.policies(), List.of());
    var declared = new dev.rolectl.engine.model.Role(Address.role("app"), Fixtures.LOC, "app", "/",
        null, 3600, app.trustPolicy(), null, Map.of(), null, false, false, java.util.Set.of());
    PlanResult r = Differ.plan(stack(declared), ours, OPTIONS);
    assertTrue(r.plan().isPresent(), () -> r.diagnostics().toString());
  }

  @Test
  void usersAndGroupsAreReadOnlyWhenAPolicyOfTheStackGoes() {
    LiveAccount live = account(null, List.of());
    ReadRequest first = ReadRequest.rolesAndPolicies();
    assertEquals(new ReadRequest(true, true, true), PolicyDeletes.readRequest(stack(), live, first));
    var kept = stack(Fixtures.policy("fence", Fixtures.allow("s3:*", "*")));
    assertEquals(first, PolicyDeletes.readRequest(kept, live, first));
  }
}

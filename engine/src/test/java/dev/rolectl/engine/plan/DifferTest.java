package dev.rolectl.engine.plan;

import dev.rolectl.engine.policy.AccessImpact;
import static dev.rolectl.engine.plan.Fixtures.LB_POLICY;
import static dev.rolectl.engine.plan.Fixtures.allow;
import static dev.rolectl.engine.plan.Fixtures.attachment;
import static dev.rolectl.engine.plan.Fixtures.inline;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DifferTest {
  private static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:test.json", Instant.parse("2026-11-29T00:00:00Z"));

  private static Plan plan(Stack stack, LiveAccount live) {
    PlanResult result = Differ.plan(stack, live, OPTIONS);
    assertTrue(result.plan().isPresent(), () -> "no plan: " + result.diagnostics());
    return result.plan().get();
  }

  private static Map<String, Action> actions(Plan plan) {
    return plan.changes().stream()
        .collect(
            Collectors.toMap(
                c -> c.address().value(), ResourceChange::action, (a, b) -> a, TreeMap::new));
  }

  private static ResourceChange change(Plan plan, Address address) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(address))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no change for " + address));
  }

  @Test
  void emptyAccountCreatesEverythingTaggedWithTheStack() {
    Stack stack = stack(role("r"), attachment("r", LB_POLICY));
    Plan plan = plan(stack, new Fixtures.Live().build());

    assertEquals(
        Map.of("roles.r", Action.CREATE, Address.attachment("r", LB_POLICY).value(), Action.CREATE),
        actions(plan));
    Role after = (Role) change(plan, Address.role("r")).after();
    assertEquals("ecs-platform", after.tags().get("rolectl:stack"));
    assertEquals(AccessImpact.BROADENING, change(plan, Address.role("r")).impact());
  }

  @Test
  void liveStateEqualToTheStackPlansNoChange() {
    Stack stack = stack(role("r"), attachment("r", LB_POLICY));
    LiveAccount live = new Fixtures.Live().ownedRole("r", List.of(LB_POLICY)).build();

    Plan plan = plan(stack, live);

    assertFalse(plan.hasChanges(), () -> "unexpected changes: " + actions(plan));
  }

  @Test
  void untaggedRoleWithADeclaredNameIsRefused() {
    Stack stack = stack(role("r"));
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/", trust("ecs.amazonaws.com"), Map.of(), List.of(), Map.of())
            .build();

    PlanResult result = Differ.plan(stack, live, OPTIONS);

    assertTrue(result.plan().isEmpty());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("not-managed", d.rule());
    assertEquals(Address.role("r"), d.address());
    assertTrue(d.message().contains("adopt: true"), d.message());
  }

  @Test
  void adoptTakesOverAnUntaggedRoleWithNoOtherChange() {
    Stack stack = stack(Fixtures.adoptable(role("r")), attachment("r", LB_POLICY));
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/", trust("ecs.amazonaws.com"), Map.of(), List.of(LB_POLICY), Map.of())
            .build();

    Plan plan = plan(stack, live);

    assertEquals(
        Map.of("roles.r", Action.ADOPT, Address.attachment("r", LB_POLICY).value(), Action.NO_OP),
        actions(plan));
    ResourceChange adopt = change(plan, Address.role("r"));
    assertEquals(1, adopt.diffs().size(), () -> adopt.diffs().toString());
    assertEquals("tags.rolectl:stack", adopt.diffs().get(0).attribute());
  }

  @Test
  void adoptFlagOnTheCommandLineAdoptsToo() {
    Stack stack = stack(role("r"));
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/", trust("ecs.amazonaws.com"), Map.of(), List.of(), Map.of())
            .build();

    PlanResult result =
        Differ.plan(stack, live, new PlanOptions(true, "aws", Instant.EPOCH));

    assertEquals(Action.ADOPT, result.plan().orElseThrow().changes().get(0).action());
  }

  @Test
  void driftIsPlannedAsUpdatesAndDeletes() {
    Stack stack = stack(role("r"), attachment("r", LB_POLICY));
    LiveAccount live =
        new Fixtures.Live()
            .role(
                "r",
                "/",
                trust("ec2.amazonaws.com"),
                owned(Map.of("team", "other")),
                List.of(LB_POLICY, "arn:aws:iam::aws:policy/AdministratorAccess"),
                Map.of("extra", allow("s3:*", "*")))
            .build();

    Plan plan = plan(stack, live);

    assertEquals(
        Map.of(
            "roles.r", Action.UPDATE,
            Address.attachment("r", LB_POLICY).value(), Action.NO_OP,
            Address.attachment("r", "arn:aws:iam::aws:policy/AdministratorAccess").value(),
                Action.DELETE,
            Address.inline("r", "extra").value(), Action.DELETE),
        actions(plan));
    List<String> attributes =
        change(plan, Address.role("r")).diffs().stream().map(AttributeDiff::attribute).toList();
    assertEquals(List.of("trustPolicy", "tags.team"), attributes);
    assertEquals(
        AccessImpact.NARROWING,
        change(plan, Address.inline("r", "extra")).impact());
  }

  @Test
  void roleRemovedFromTheStackIsDeletedWithItsAttachments() {
    LiveAccount live = new Fixtures.Live().ownedRole("gone", List.of(LB_POLICY)).build();

    Plan plan = plan(stack(), live);

    assertEquals(
        Map.of("roles.gone", Action.DELETE, Address.attachment("gone", LB_POLICY).value(),
            Action.DELETE),
        actions(plan));
  }

  @Test
  void untaggedRolesOutsideTheStackAreLeftAlone() {
    LiveAccount live =
        new Fixtures.Live()
            .role("someone-elses", "/", trust("ec2.amazonaws.com"), Map.of(), List.of(), Map.of())
            .build();

    assertEquals(List.of(), plan(stack(), live).changes());
  }

  @Test
  void pathChangeIsAReplaceOfTheRoleAndItsAttachments() {
    Stack stack = stack(role("r", "/new/", Map.of()), attachment("r", LB_POLICY));
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/", trust("ecs.amazonaws.com"), owned(Map.of()), List.of(LB_POLICY),
                Map.of())
            .build();

    Plan plan = plan(stack, live);

    ResourceChange replace = change(plan, Address.role("r"));
    assertEquals(Action.REPLACE, replace.action());
    assertTrue(replace.reason().contains("path"), replace.reason());
    assertEquals(Action.REPLACE, change(plan, Address.attachment("r", LB_POLICY)).action());
    // same trust, same attachment: a moment without the access, then the same (issue 10)
    assertEquals(dev.rolectl.engine.policy.AccessImpact.BRIEF_LOSS, replace.impact());
    assertEquals(dev.rolectl.engine.policy.AccessImpact.BRIEF_LOSS,
        change(plan, Address.attachment("r", LB_POLICY)).impact());
  }

  @Test
  void serviceLinkedAndOtherStacksRolesAreRefused() {
    Stack stack = stack(role("slr", "/aws-service-role/", Map.of()), role("theirs"));
    LiveAccount live =
        new Fixtures.Live()
            .role("slr", "/aws-service-role/", trust("ecs.amazonaws.com"), Map.of(), List.of(),
                Map.of())
            .role("theirs", "/", trust("ecs.amazonaws.com"), Map.of("rolectl:stack", "other"),
                List.of(), Map.of())
            .build();

    PlanResult result = Differ.plan(stack, live, OPTIONS);

    assertTrue(result.plan().isEmpty());
    assertEquals(2, result.diagnostics().size());
  }

  @Test
  void tagsWithIgnoredPrefixesAreNotDrift() {
    Stack stack =
        stack(new StackSettings(10, List.of("cost-center"), List.of()), role("r"));
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/", trust("ecs.amazonaws.com"),
                owned(Map.of("cost-center:id", "42", "aws:cloudformation:logical-id", "x")),
                List.of(), Map.of())
            .build();

    assertFalse(plan(stack, live).hasChanges());
  }

  @Test
  void inlinePolicyDocumentChangeIsAnUpdate() {
    Stack stack = stack(role("r"), inline("r", "s3", allow("s3:GetObject", "*")));
    LiveAccount live =
        new Fixtures.Live()
            .role("r", "/", trust("ecs.amazonaws.com"), owned(Map.of()), List.of(),
                Map.of("s3", allow("s3:*", "*")))
            .build();

    ResourceChange c = change(plan(stack, live), Address.inline("r", "s3"));

    assertEquals(Action.UPDATE, c.action());
    assertEquals("document", c.diffs().get(0).attribute());
  }

  @Test
  void attachingToAUserThatDoesNotExistIsAWarningAtPlanTime() {
    dev.rolectl.engine.model.ManagedPolicy p = Fixtures.policy("pass", allow("iam:PassRole", "*"));
    dev.rolectl.engine.model.PrincipalPolicyAttachment a =
        new dev.rolectl.engine.model.PrincipalPolicyAttachment(
            Address.principalAttachment("pass", dev.rolectl.engine.model.PrincipalType.USER, "deployer"),
            Fixtures.LOC, dev.rolectl.engine.model.PrincipalType.USER, "deployer", "pass",
            "arn:aws:iam::123456789012:policy/pass", java.util.Set.of(p.address()));

    PlanResult result = Differ.plan(stack(p, a), new Fixtures.Live().build(), OPTIONS);

    assertTrue(result.plan().isPresent());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals("missing-principal", d.rule());
    assertEquals(dev.rolectl.engine.model.Severity.WARNING, d.severity());
    assertTrue(d.message().contains("has no such user"), d.message());
  }
}

package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.LB_POLICY;
import static dev.rolectl.engine.plan.Fixtures.attachment;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Role;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule 'protected' in the differ: delete and replace are blocked, the tag follows protect. */
class ProtectionTest {
  private static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:test.json", Instant.parse("2026-11-29T00:00:00Z"));

  static Role protectedRole(String name, String path) {
    Role r = Fixtures.role(name, path, Map.of());
    return new Role(r.address(), r.location(), r.name(), r.path(), null, 3600, r.trustPolicy(),
        null, Map.of(), null, true, false, Set.of());
  }

  static Plan plan(dev.rolectl.engine.model.Stack stack, dev.rolectl.engine.live.LiveAccount live) {
    PlanResult result = Differ.plan(stack, live, OPTIONS);
    assertTrue(result.plan().isPresent(), () -> "no plan: " + result.diagnostics());
    return result.plan().get();
  }

  static ResourceChange change(Plan plan, Address a) {
    return plan.changes().stream().filter(c -> c.address().equals(a)).findFirst().orElseThrow();
  }

  @Test
  void createWritesTheProtectTag() {
    Plan plan = plan(stack(protectedRole("keep", "/")), new Fixtures.Live().build());
    ResourceChange c = change(plan, Address.role("keep"));
    assertEquals(Action.CREATE, c.action());
    assertEquals("true", ((Role) c.after()).tags().get("rolectl:protect"));
    assertFalse(plan.blocked());
  }

  @Test
  void replaceOfADeclaredProtectedRoleIsBlocked() {
    var live = new Fixtures.Live().role("keep", "/", trust("ecs.amazonaws.com"),
        owned(Map.of("rolectl:protect", "true")), List.of(LB_POLICY), Map.of()).build();
    Plan plan = plan(stack(protectedRole("keep", "/moved/"), attachment("keep", LB_POLICY)), live);
    ResourceChange c = change(plan, Address.role("keep"));
    assertEquals(Action.REPLACE, c.action());
    assertTrue(c.blocked());
    assertEquals(Protection.RULE, c.verdicts().get(0).rule());
    assertTrue(c.verdicts().get(0).message().contains("stack.yaml:3:3"), c.verdicts()::toString);
    assertTrue(change(plan, Address.attachment("keep", LB_POLICY)).blocked());
    assertTrue(Protection.refusal(c).isPresent());
  }

  @Test
  void theLiveTagProtectsARoleRemovedFromTheStackAndItsAttachments() {
    var live = new Fixtures.Live().role("keep", "/", trust("ecs.amazonaws.com"),
        owned(Map.of("rolectl:protect", "true")), List.of(LB_POLICY), Map.of()).build();
    Plan plan = plan(stack(), live);
    ResourceChange role = change(plan, Address.role("keep"));
    assertEquals(Action.DELETE, role.action());
    assertTrue(role.blocked());
    assertTrue(role.verdicts().get(0).message().contains("protect: false"));
    ResourceChange detach = change(plan, Address.attachment("keep", LB_POLICY));
    assertEquals(Action.DELETE, detach.action());
    assertTrue(detach.blocked(), "a protected role keeps its permissions too");
    // apply refuses from the plan data alone, even when a saved plan lost its verdicts
    assertTrue(Protection.refusal(role.withVerdicts(List.of())).isPresent());
  }

  @Test
  void protectFalseDropsTheTagThenTheDeleteGoesThrough() {
    var live = new Fixtures.Live().role("keep", "/", trust("ecs.amazonaws.com"),
        owned(Map.of("rolectl:protect", "true")), List.of(), Map.of()).build();
    Role unprotected = Fixtures.role("keep");
    Plan first = plan(stack(unprotected), live);
    ResourceChange c = change(first, Address.role("keep"));
    assertEquals(Action.UPDATE, c.action());
    assertFalse(c.blocked());
    assertTrue(c.diffs().stream().anyMatch(d -> d.attribute().equals("tags.rolectl:protect")));

    var untagged = new Fixtures.Live().role("keep", "/", trust("ecs.amazonaws.com"),
        owned(Map.of()), List.of(), Map.of()).build();
    Plan second = plan(stack(), untagged);
    assertEquals(Action.DELETE, change(second, Address.role("keep")).action());
    assertFalse(second.blocked());
  }

  @Test
  void aProtectedPolicyIsNotDeleted() {
    var live = new Fixtures.Live().policy("keep", Fixtures.allow("s3:GetObject", "*"),
        owned(Map.of("rolectl:protect", "true")), Map.of()).build();
    Plan plan = plan(stack(), live);
    ResourceChange c = change(plan, Address.policy("keep"));
    assertEquals(Action.DELETE, c.action());
    assertTrue(c.blocked());
    ManagedPolicy declared = new ManagedPolicy(Address.policy("keep"), Fixtures.LOC, "keep", "/",
        null, Fixtures.allow("s3:GetObject", "*"), Map.of(), true, false, Set.of());
    Plan kept = plan(stack(declared), live);
    assertEquals(Action.NO_OP, change(kept, Address.policy("keep")).action());
  }
}

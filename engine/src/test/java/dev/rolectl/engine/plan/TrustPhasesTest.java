package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.ACCOUNT;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Case 7 of issue 9: roles that trust themselves or each other are created in two phases. */
class TrustPhasesTest {
  private static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:test.json", Instant.parse("2026-11-29T00:00:00Z"));

  static String arn(String role) {
    return "arn:aws:iam::" + ACCOUNT + ":role/" + role;
  }

  static Role trusting(String name, String... roles) {
    PolicyDocument trust = new PolicyDocument("2012-10-17", null, List.of(new Statement(null, "Allow",
        Principal.of(Map.of("AWS", List.of(roles))), null, List.of("sts:AssumeRole"), List.of(),
        List.of(), List.of(), Map.of())));
    return new Role(Address.role(name), Fixtures.LOC, name, "/", null, 3600, trust, null, Map.of(),
        null, false, false, Set.of());
  }

  static ResourceChange change(Plan plan, String address) {
    return plan.changes().stream().filter(c -> c.address().value().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + address + " in " + plan.changes()));
  }

  @Test
  void aRoleTrustingItselfIsCreatedWithADenyThenGetsItsTrust() {
    Plan plan = Differ.plan(stack(trusting("self", arn("self"))), new Fixtures.Live().build(), OPTIONS)
        .plan().orElseThrow();
    ResourceChange create = change(plan, "roles.self");
    Statement first = ((Role) create.after()).trustPolicy().statements().get(0);
    assertEquals("Deny", first.effect());
    assertEquals(List.of("arn:aws:iam::" + ACCOUNT + ":root"), first.principal().values("AWS"));
    assertTrue(create.reason().contains("two phases"), create.reason());
    ResourceChange second = change(plan, "roles.self.trustPolicy");
    assertTrue(TrustPhases.isSecondPhase(second));
    assertEquals(Set.of(Address.role("self")), second.dependsOn());
    assertEquals(List.of(arn("self")),
        ((Role) second.after()).trustPolicy().statements().get(0).principal().values("AWS"));
  }

  @Test
  void rolesTrustingEachOtherKeepTheirOtherPrincipalsAndWaitForBothCreates() {
    Role a = trusting("a", arn("b"), "arn:aws:iam::999999999999:root");
    Role b = trusting("b", arn("a"));
    Plan plan = Differ.plan(stack(a, b), new Fixtures.Live().build(), OPTIONS).plan().orElseThrow();
    assertEquals(List.of("arn:aws:iam::999999999999:root"),
        ((Role) change(plan, "roles.a").after()).trustPolicy().statements().get(0).principal().values("AWS"));
    assertEquals(Set.of(Address.role("a"), Address.role("b")),
        change(plan, "roles.a.trustPolicy").dependsOn());
    assertEquals(Set.of(), change(plan, "roles.a").dependsOn());
  }

  @Test
  void rolesThatExistGetNoSecondPhase() {
    var live = new Fixtures.Live().role("self", "/", trusting("self", arn("self")).trustPolicy(),
        Fixtures.owned(Map.of()), List.of(), Map.of()).build();
    Plan plan = Differ.plan(stack(trusting("self", arn("self"))), live, OPTIONS).plan().orElseThrow();
    assertTrue(!plan.hasChanges(), plan.changes()::toString);
  }
}

package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Instance profiles as resources, planned and applied on a {@code local:} account file: created
 * after their role (tagged, with the role in it), deleted before it, the next plan empty, the
 * file keeping what it held.
 */
class InstanceProfileApplyTest {
  @TempDir Path dir;
  Path file;
  Fx.Account account;

  @BeforeEach
  void setUp() throws IOException {
    file = dir.resolve("account.json");
    Files.writeString(file, "{}");
    account = new Fx.Account(file);
  }

  static InstanceProfile profile(String role, String name, String path) {
    return new InstanceProfile(Address.instanceProfile(role), Fx.LOC, name, path, role,
        Map.of("team", "web"), false, Set.of(Address.role(role)));
  }

  static Stack withProfile() {
    return Fx.stack(Fx.role("web"), profile("web", "web", "/"));
  }

  void converge(Stack stack) {
    ApplyResult r = account.apply(account.plan(stack));
    assertTrue(r.succeeded(), () -> "apply failed: " + r.outcomes());
    Plan again = account.plan(stack);
    assertFalse(again.hasChanges(), () -> "not converged: " + again.effectiveChanges());
  }

  static ResourceChange change(Plan plan, String address) {
    return plan.changes().stream().filter(c -> c.address().value().equals(address)).findFirst()
        .orElseThrow(() -> new AssertionError("no change " + address + ": " + plan.changes()));
  }

  /** Index of the first event of this kind for this address. */
  int first(Class<?> kind, String address) {
    for (int i = 0; i < account.events.size(); i++) {
      EngineEvent e = account.events.get(i);
      Address a = e instanceof EngineEvent.ChangeStarted s ? s.address()
          : e instanceof EngineEvent.ChangeFinished f ? f.address() : null;
      if (kind.isInstance(e) && a != null && a.value().equals(address)) {
        return i;
      }
    }
    throw new AssertionError("no " + kind.getSimpleName() + " for " + address + ": " + account.events);
  }

  @Test
  void createdAfterItsRoleTaggedWithTheRoleInItAndTheNextPlanIsEmpty() throws IOException {
    Plan plan = account.plan(withProfile());
    assertEquals(Action.CREATE, change(plan, "roles.web.instanceProfile").action());
    assertEquals(Set.of(Address.role("web")), WaitGraph.of(plan.changes())
        .get(Address.instanceProfile("web")), "the profile waits for its role");
    converge(withProfile());
    assertTrue(first(EngineEvent.ChangeFinished.class, "roles.web")
        < first(EngineEvent.ChangeStarted.class, "roles.web.instanceProfile"), account.events::toString);
    LiveInstanceProfile p = account.read(withProfile()).instanceProfiles().get("web");
    assertEquals(List.of("web"), p.roles());
    assertEquals(Fx.STACK, p.tags().get(Stack.OWNER_TAG));
    assertEquals("web", p.tags().get("team"));
    assertEquals("arn:aws:iam::123456789012:instance-profile/web", p.arn());
    String json = Files.readString(file);
    assertTrue(json.replace(" ", "").contains("\"InstanceProfileName\":\"web\""), json);
    assertTrue(json.replace(" ", "").contains("\"Arn\":\"arn:aws:iam::123456789012:instance-profile/web\""), json);
  }

  @Test
  void removedBeforeItsRoleWhenTheRoleGoes() {
    converge(withProfile());
    Plan destroy = account.plan(Fx.stack());
    account.events.clear();
    assertEquals(Action.DELETE, change(destroy, "roles.web.instanceProfile").action());
    assertEquals("its role is deleted", change(destroy, "roles.web.instanceProfile").reason());
    assertTrue(WaitGraph.of(destroy.changes()).get(Address.role("web"))
        .contains(Address.instanceProfile("web")), "the role waits for its profile's delete");
    ApplyResult r = account.apply(destroy);
    assertTrue(r.succeeded(), () -> r.outcomes().toString());
    assertTrue(first(EngineEvent.ChangeFinished.class, "roles.web.instanceProfile")
        < first(EngineEvent.ChangeStarted.class, "roles.web"), account.events::toString);
    EngineEvent.ChangeFinished done = (EngineEvent.ChangeFinished)
        account.events.get(first(EngineEvent.ChangeFinished.class, "roles.web.instanceProfile"));
    assertEquals("role web removed from instance profile web", done.message());
    LiveAccount live = account.read(Fx.stack());
    assertTrue(live.instanceProfiles().isEmpty(), live.instanceProfiles()::toString);
    assertTrue(live.roles().isEmpty());
  }

  @Test
  void droppedFromTheStackTheProfileGoesAndTheRoleStays() {
    converge(withProfile());
    Plan plan = account.plan(Fx.stack(Fx.role("web")));
    assertEquals(Action.DELETE, change(plan, "roles.web.instanceProfile").action());
    assertEquals("not in the stack any more", change(plan, "roles.web.instanceProfile").reason());
    converge(Fx.stack(Fx.role("web")));
    LiveAccount live = account.read(Fx.stack());
    assertTrue(live.instanceProfiles().isEmpty());
    assertEquals(List.of(), live.roles().get("web").instanceProfiles());
  }

  @Test
  void aNewPathReplacesTheProfileAndANewTagUpdatesIt() {
    converge(withProfile());
    Stack moved = Fx.stack(Fx.role("web"), profile("web", "web", "/ec2/"));
    Plan plan = account.plan(moved);
    ResourceChange c = change(plan, "roles.web.instanceProfile");
    assertEquals(Action.REPLACE, c.action());
    assertTrue(c.reason().contains("IAM cannot move an instance profile"), c.reason());
    converge(moved);
    assertEquals("/ec2/", account.read(moved).instanceProfiles().get("web").path());
    InstanceProfile retagged = new InstanceProfile(Address.instanceProfile("web"), Fx.LOC, "web",
        "/ec2/", "web", Map.of("team", "ops"), false, Set.of(Address.role("web")));
    Stack tagged = Fx.stack(Fx.role("web"), retagged);
    assertEquals(Action.UPDATE, change(account.plan(tagged), "roles.web.instanceProfile").action());
    converge(tagged);
    assertEquals("ops", account.read(tagged).instanceProfiles().get("web").tags().get("team"));
  }

  @Test
  void anExistingProfileOfThatNameIsNotTakenOverWithoutAdopt() {
    converge(Fx.stack(Fx.role("web")));
    IamWriter w = account.writer();
    w.createInstanceProfile("web", "/", Map.of());
    var refused = dev.rolectl.engine.plan.Differ.plan(withProfile(), account.read(withProfile()),
        new dev.rolectl.engine.plan.PlanOptions(false, "local:x", java.time.Instant.EPOCH));
    assertTrue(refused.plan().isEmpty(), "no plan without adopt");
    assertTrue(refused.diagnostics().stream().anyMatch(d -> d.rule().equals("not-managed")
        && d.message().contains("roles.web.instanceProfile (instance profile web)")
        && d.message().contains("adopt: true")), refused.diagnostics()::toString);
    InstanceProfile adopting = new InstanceProfile(Address.instanceProfile("web"), Fx.LOC, "web",
        "/", "web", Map.of("team", "web"), true, Set.of(Address.role("web")));
    Stack adopt = Fx.stack(Fx.role("web"), adopting);
    Plan plan = account.plan(adopt);
    assertEquals(Action.ADOPT, change(plan, "roles.web.instanceProfile").action());
    converge(adopt);
    LiveInstanceProfile p = account.read(adopt).instanceProfiles().get("web");
    assertEquals(Fx.STACK, p.tags().get(Stack.OWNER_TAG));
    assertEquals(List.of("web"), p.roles());
  }

  @Test
  void anotherStacksProfileIsRefused() {
    converge(Fx.stack(Fx.role("web")));
    account.writer().createInstanceProfile("web", "/", Map.of(Stack.OWNER_TAG, "other"));
    var refused = dev.rolectl.engine.plan.Differ.plan(withProfile(), account.read(withProfile()),
        new dev.rolectl.engine.plan.PlanOptions(true, "local:x", java.time.Instant.EPOCH));
    assertTrue(refused.plan().isEmpty(), "not even with --adopt");
    assertTrue(refused.diagnostics().toString().contains("another rolectl stack, 'other'"),
        refused.diagnostics()::toString);
  }

  @Test
  void aProfileOfAnotherNameAndTheUndeclaredOnesOfTheRole() {
    Stack named = Fx.stack(Fx.role("web"), profile("web", "web-hosts", "/hosts/"));
    converge(named);
    IamWriter w = account.writer();
    w.createInstanceProfile("by-hand", "/", Map.of());
    w.createInstanceProfile("spare", "/", Map.of());
    LiveAccount live = account.read(named);
    assertEquals("/hosts/", live.instanceProfiles().get("web-hosts").path());
    assertFalse(account.plan(named).hasChanges(), "a profile made by hand is no drift");
    w.removeRoleFromInstanceProfile("web-hosts", "web");
    Plan drift = account.plan(named);
    ResourceChange c = change(drift, "roles.web.instanceProfile");
    assertEquals(Action.UPDATE, c.action(), "the role is put back into its profile");
    converge(named);
    assertEquals(List.of("web"), account.read(named).instanceProfiles().get("web-hosts").roles());
  }

  @Test
  void aFailedAddLeavesNoProfileBehind() {
    converge(Fx.stack(Fx.role("web"), Fx.role("other")));
    Stack two = Fx.stack(Fx.role("web"), Fx.role("other"), profile("web", "shared", "/"),
        profile("other", "shared", "/"));
    // both declare 'shared': the first create puts its role in, the second's add fails (one
    // role a profile) and its unit is rolled back
    Plan plan = account.plan(two);
    ApplyResult r = account.apply(plan);
    assertFalse(r.succeeded(), "IAM allows one role in a profile");
    LiveAccount live = account.read(two);
    assertEquals(1, live.instanceProfiles().size(), live.instanceProfiles()::toString);
    assertEquals(1, live.instanceProfiles().get("shared").roles().size());
  }

  @Test
  void aReplacedRoleGoesBackIntoItsProfileWhichItselfDoesNotChange() {
    converge(withProfile());
    Stack moved = Fx.stack(Fx.role("web", "/moved/", null, Map.of()), profile("web", "web", "/"));
    Plan plan = account.plan(moved);
    assertEquals(Action.REPLACE, change(plan, "roles.web").action());
    assertEquals(Action.NO_OP, change(plan, "roles.web.instanceProfile").action());
    converge(moved);
    LiveAccount live = account.read(moved);
    assertEquals("/moved/", live.roles().get("web").path());
    assertEquals(List.of("web"), live.instanceProfiles().get("web").roles());
  }

  @Test
  void anAdoptedRoleAdoptsItsProfileToo() {
    IamWriter w = account.writer();
    w.createRole(new dev.rolectl.engine.live.NewRole("web", "/", null, 3600,
        Fx.trust("ecs.amazonaws.com"), null, Map.of()));
    w.createInstanceProfile("web", "/", Map.of("team", "web"));
    w.addRoleToInstanceProfile("web", "web");
    Stack adopt = Fx.stack(Fx.adopting(Fx.role("web")), new InstanceProfile(
        Address.instanceProfile("web"), Fx.LOC, "web", "/", "web", Map.of("team", "web"), true,
        Set.of(Address.role("web"))));
    Plan plan = account.plan(adopt);
    assertEquals(Action.ADOPT, change(plan, "roles.web").action());
    assertEquals(Action.ADOPT, change(plan, "roles.web.instanceProfile").action());
    converge(adopt);
    assertEquals(Fx.STACK, account.read(adopt).instanceProfiles().get("web").tags()
        .get(Stack.OWNER_TAG));
  }

  @Test
  void anEmptyProfileOfOursLeftByAStoppedApplyIsDeletedByTheNext() {
    converge(withProfile());
    account.writer().removeRoleFromInstanceProfile("web", "web"); // the first call of a delete
    Plan plan = account.plan(Fx.stack(Fx.role("web")));
    assertEquals(Action.DELETE, change(plan, "roles.web.instanceProfile").action());
    converge(Fx.stack(Fx.role("web")));
    assertTrue(account.read(Fx.stack()).instanceProfiles().isEmpty());
  }
}

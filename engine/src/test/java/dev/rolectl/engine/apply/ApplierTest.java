package dev.rolectl.engine.apply;

import static dev.rolectl.engine.apply.Fx.LB;
import static dev.rolectl.engine.apply.Fx.READ_ONLY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.NewRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Plan, apply, plan again against a local account file: the apply converges. */
class ApplierTest {
  @TempDir Path dir;
  Fx.Account account;

  @BeforeEach
  void setUp() throws IOException {
    Path file = dir.resolve("account.json");
    Files.writeString(
        file,
        "{\"UserDetailList\": [{\"UserName\": \"deployer\", \"AttachedManagedPolicies\": []}],"
            + " \"GroupDetailList\": [{\"GroupName\": \"ops\", \"AttachedManagedPolicies\": []}]}");
    account = new Fx.Account(file);
  }

  static Stack full() {
    return Fx.stack(
        Fx.policy("pass", Fx.allow("iam:PassRole")),
        Fx.role("app"),
        Fx.inline("app", "read", Fx.allow("s3:GetObject")),
        Fx.attach("app", READ_ONLY),
        Fx.attach("app", Fx.policyArn("pass")),
        Fx.attachTo("pass", PrincipalType.USER, "deployer"),
        Fx.attachTo("pass", PrincipalType.GROUP, "ops"),
        Fx.role("infra"),
        Fx.attach("infra", LB));
  }

  /** Applies the stack's plan and checks that the next plan is empty. */
  ApplyResult converge(Stack stack) {
    ApplyResult r = account.apply(account.plan(stack));
    assertTrue(r.succeeded(), () -> "apply failed: " + r.outcomes());
    Plan again = account.plan(stack);
    assertFalse(again.hasChanges(), () -> "not converged: " + again.effectiveChanges());
    return r;
  }

  @Test
  void createsEverythingTaggedThenPlansEmpty() {
    ApplyResult r = converge(full());
    assertEquals(9, r.doneCounts().get(Action.CREATE));
    LiveAccount live = account.read(full());
    assertEquals(Fx.STACK, live.roles().get("app").tags().get(Stack.OWNER_TAG));
    assertEquals(Fx.STACK, live.policies().get("pass").tags().get(Stack.OWNER_TAG));
    assertEquals(List.of("deployer"), live.policies().get("pass").attachedTo(PrincipalType.USER));
    long started = account.events.stream().filter(e -> e instanceof EngineEvent.ChangeStarted).count();
    long finished = account.events.stream().filter(e -> e instanceof EngineEvent.ChangeFinished).count();
    assertEquals(9, started);
    assertEquals(9, finished);
  }

  @Test
  void updatesInPlace() {
    converge(full());
    Role app = Fx.role("app", "/", "the app", Map.of("team", "a"));
    Stack changed =
        Fx.stack(
            Fx.policy("pass", Fx.allow("iam:GetRole")),
            Fx.withTrust(app, Fx.trust("ecs-tasks.amazonaws.com")),
            Fx.inline("app", "read", Fx.allow("s3:ListBucket")),
            Fx.attach("app", READ_ONLY));
    Plan plan = account.plan(changed);
    assertEquals(Action.UPDATE, change(plan, "roles.app").action());
    converge(changed);
    LiveRole live = account.read(changed).roles().get("app");
    assertEquals("the app", live.description());
    assertEquals("a", live.tags().get("team"));
    assertTrue(account.read(changed).roles().containsKey("app"));
    assertFalse(account.read(changed).roles().containsKey("infra"));
  }

  @Test
  void deletesARoleWhateverIsAttachedToIt() {
    converge(full());
    Plan destroy = account.plan(Fx.stack());
    IamWriter w = account.writer();
    w.attachPolicy(PrincipalType.ROLE, "infra", READ_ONLY);
    w.putRolePolicy("infra", "late", Fx.allow("s3:*"));
    w.createInstanceProfile("infra-profile", "/", Map.of());
    w.addRoleToInstanceProfile("infra-profile", "infra");
    ApplyResult r = account.apply(destroy);
    assertTrue(r.succeeded(), () -> r.outcomes().toString());
    LiveAccount live = account.read(Fx.stack());
    assertTrue(live.roles().isEmpty(), () -> live.roles().keySet().toString());
    assertTrue(live.policies().isEmpty());
  }

  @Test
  void destroyLeavesResourcesThatAreNotOurs() {
    converge(full());
    account.writer().createRole(new NewRole("app-copy", "/", null, 3600, Fx.trust("ecs.amazonaws.com"), null, Map.of()));
    account.writer().createRole(new NewRole("theirs", "/", null, 3600, Fx.trust("ecs.amazonaws.com"), null, Map.of(Stack.OWNER_TAG, "other")));
    ApplyResult r = converge(Fx.stack());
    // the empty stack attaches to no user or group, so they are not read: the policy's delete
    // detaches it from them without the plan listing those attachments
    assertEquals(7, r.doneCounts().get(Action.DELETE));
    try (var t = account.target()) {
      var everything = t.iam().read(dev.rolectl.engine.live.ReadRequest.everything());
      everything.principals().forEach(p -> assertEquals(List.of(), p.attachedPolicyArns(), p.name()));
    }
    assertEquals(List.of("app-copy", "theirs"), List.copyOf(new java.util.TreeSet<>(account.read(Fx.stack()).roles().keySet())));
  }

  @Test
  void policyUpdateMakesRoomWhenItHasFiveVersions() {
    converge(full());
    IamWriter w = account.writer();
    for (int i = 0; i < 4; i++) {
      w.createPolicyVersion(Fx.policyArn("pass"), Fx.allow("iam:PassRole"));
    }
    assertEquals(5, w.policyVersions(Fx.policyArn("pass")).versionIds().size());
    Stack changed = Fx.stack(Fx.policy("pass", Fx.allow("iam:GetRole")));
    converge(changed);
    var versions = w.policyVersions(Fx.policyArn("pass"));
    assertEquals(5, versions.versionIds().size());
    assertEquals("v6", versions.defaultVersionId());
    assertFalse(versions.versionIds().contains("v1"), "the oldest non-default version goes");
  }

  @Test
  void replacingARoleKeepsItsInstanceProfilesAndChildren() {
    converge(full());
    account.writer().createInstanceProfile("app-profile", "/", Map.of());
    account.writer().addRoleToInstanceProfile("app-profile", "app");
    Stack moved =
        Fx.stack(
            Fx.role("app", "/svc/", null, Map.of()),
            Fx.inline("app", "read", Fx.allow("s3:GetObject")),
            Fx.attach("app", READ_ONLY));
    Plan plan = account.plan(moved);
    assertEquals(Action.REPLACE, change(plan, "roles.app").action());
    ApplyResult r = converge(moved);
    assertEquals(3, r.doneCounts().get(Action.REPLACE));
    LiveRole app = account.read(moved).roles().get("app");
    assertEquals("/svc/", app.path());
    assertEquals(List.of("app-profile"), app.instanceProfiles());
  }

  @Test
  void replacingAPolicyAttachesItAgain() {
    converge(full());
    ManagedPolicy described = Fx.policy("pass", "/", "now described", Fx.allow("iam:PassRole"));
    Stack s = Fx.stack(
        described,
        Fx.role("app"),
        Fx.attach("app", Fx.policyArn("pass")),
        Fx.attachTo("pass", PrincipalType.USER, "deployer"));
    assertEquals(Action.REPLACE, change(account.plan(s), "policies.pass").action());
    converge(s);
    var pass = account.read(s).policies().get("pass");
    assertEquals("now described", pass.description());
    assertEquals(List.of("app"), pass.attachedTo(PrincipalType.ROLE));
    assertEquals(List.of("deployer"), pass.attachedTo(PrincipalType.USER));
  }

  @Test
  void adoptsAnUntaggedRole() {
    account.writer().createRole(new NewRole("legacy", "/", "old", 3600, Fx.trust("ecs.amazonaws.com"), null, Map.of("x", "1")));
    Stack s = Fx.stack(Fx.adopting(Fx.role("legacy", "/", "old", Map.of("x", "1"))));
    assertEquals(Action.ADOPT, change(account.plan(s), "roles.legacy").action());
    ApplyResult r = converge(s);
    assertEquals(1, r.doneCounts().get(Action.ADOPT));
    assertEquals(Fx.STACK, account.read(s).roles().get("legacy").tags().get(Stack.OWNER_TAG));
  }

  static dev.rolectl.engine.plan.ResourceChange change(Plan plan, String address) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(new Address(address)))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no change " + address));
  }
}

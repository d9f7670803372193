package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The saved plan's check against a plan of its stack made again now. */
class StalePlanTest {
  @TempDir Path dir;

  static Stack stack() {
    return Fx.stack(
        Fx.policy("pass", Fx.allow("iam:PassRole")),
        Fx.role("app"),
        Fx.attach("app", Fx.policyArn("pass")),
        Fx.attachTo("pass", PrincipalType.USER, "deployer"));
  }

  @Test
  void aSavedPlanMatchesItsStackPlannedAgainWhileNothingChanged() throws Exception {
    Path file = dir.resolve("a.json");
    Files.writeString(file, "{\"UserDetailList\": [{\"UserName\": \"deployer\"}]}");
    Fx.Account account = new Fx.Account(file);
    assertTrue(account.apply(account.plan(stack())).succeeded());
    account.writer().createRole(new dev.rolectl.engine.live.NewRole(
        "stray", "/", null, 3600, Fx.trust("ecs.amazonaws.com"), null, Map.of(Stack.OWNER_TAG, Fx.STACK)));
    Plan saved = PlanFile.read(PlanFile.write(account.plan(stack())));
    assertEquals(new ReadRequest(true, false, true), StalePlan.readRequest(saved.resolved().stack()));

    Plan again = account.plan(saved.resolved().stack());

    assertEquals(saved.liveFingerprint(), again.liveFingerprint());
    assertEquals(Optional.empty(), StalePlan.check(saved, again));
  }

  @Test
  void anOutOfBandChangeMakesThePlanStaleAndIsNamed() {
    Fx.Account account = new Fx.Account(dir.resolve("b.json"));
    Stack s = Fx.stack(Fx.role("app"), Fx.role("web"));
    assertTrue(account.apply(account.plan(s)).succeeded());
    Plan plan = account.plan(Fx.stack(Fx.role("app")));
    account.writer().tagRole("app", Map.of("changed", "yes"));
    account.writer().createRole(new dev.rolectl.engine.live.NewRole(
        "late", "/", null, 3600, Fx.trust("ecs.amazonaws.com"), null, Map.of(Stack.OWNER_TAG, Fx.STACK)));
    String message = StalePlan.check(plan, account.plan(Fx.stack(Fx.role("app")))).orElseThrow();
    assertTrue(message.startsWith("stale plan: live IAM changed since the plan was made"), message);
    assertTrue(message.contains("role app changed"), message);
    assertTrue(message.contains("role late was created"), message);
    assertTrue(message.endsWith("run plan again"), message);
  }

  /** The live fingerprint names the account: a stack not created yet has another one in each. */
  @Test
  void theFingerprintOfAStackNotCreatedYetDependsOnTheAccount() throws Exception {
    Path other = dir.resolve("other.json");
    Files.writeString(other, "{\"AccountId\": \"210987654321\"}");
    Plan here = new Fx.Account(dir.resolve("none.json")).plan(Fx.stack(Fx.role("app")));
    Stack there = new Stack(Fx.STACK, null, "210987654321", "aws", Map.of(),
        java.util.List.of(Fx.role("app")), dev.rolectl.engine.model.StackSettings.defaults(),
        dev.rolectl.engine.model.SourceMap.empty());
    Plan elsewhere = new Fx.Account(other).plan(there);

    assertNotEquals(here.liveFingerprint(), elsewhere.liveFingerprint());
    String message = StalePlan.check(here, elsewhere).orElseThrow();
    assertTrue(message.contains("made for account 123456789012 but the target is account"
        + " 210987654321"), message);
  }

  @Test
  void aPlanWhoseChangesAreInEffectSaysItWasAppliedAlready() {
    Fx.Account account = new Fx.Account(dir.resolve("c.json"));
    Plan plan = account.plan(Fx.stack(Fx.role("app")));
    assertTrue(account.apply(plan).succeeded());
    String message = StalePlan.check(plan, account.plan(plan.resolved().stack())).orElseThrow();
    assertTrue(message.startsWith("this plan was already applied"), message);
  }
}

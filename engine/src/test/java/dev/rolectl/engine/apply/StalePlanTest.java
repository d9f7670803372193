package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Fingerprints;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
  void theFingerprintComesBackFromThePlanAloneAfterASaveAndLoad() throws Exception {
    Path file = dir.resolve("a.json");
    Files.writeString(file, "{\"UserDetailList\": [{\"UserName\": \"deployer\"}]}");
    Fx.Account account = new Fx.Account(file);
    assertTrue(account.apply(account.plan(stack())).succeeded());
    account.writer().createRole(new dev.rolectl.engine.live.NewRole(
        "stray", "/", null, 3600, Fx.trust("ecs.amazonaws.com"), null, Map.of(Stack.OWNER_TAG, Fx.STACK)));
    Plan saved = PlanFile.read(PlanFile.write(account.plan(stack())));
    assertEquals(new ReadRequest(true, false, true), StalePlan.readRequest(saved));
    assertEquals(StalePlan.readRequest(stack()), StalePlan.readRequest(saved));
    var live = account.read(stack());
    assertEquals(Fingerprints.live(stack(), live), saved.liveFingerprint());
    assertEquals(Optional.empty(), StalePlan.check(saved, live));
  }

  /**
   * The stand-in stack names no ECS regions (every enabled region), whatever the plan file lists:
   * a plan file is not signed, so its regions may only add to the re-check ({@link
   * SavedPlanRegionsTest}).
   */
  @Test
  void aSavedPlansStandInStackDoesNotTakeItsRegionsFromThePlanFile() {
    Fx.Account account = new Fx.Account(dir.resolve("r.json"));
    Plan plan =
        PlanFile.read(
            PlanFile.write(
                account
                    .plan(Fx.stack(Fx.role("app")))
                    .withEcs(
                        new dev.rolectl.engine.plan.EcsCoverage(
                            java.util.List.of("us-east-1", "eu-west-1"), java.util.List.of()))));

    assertEquals(java.util.List.of(), StalePlan.scope(plan, "aws").settings().ecsRegions());
    assertEquals(java.util.List.of(), StalePlan.scope(plan.withEcs(null), "aws").settings().ecsRegions());
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
    String message = StalePlan.check(plan, account.read(s)).orElseThrow();
    assertTrue(message.startsWith("stale plan: live IAM changed since the plan was made"), message);
    assertTrue(message.contains("role app changed"), message);
    assertTrue(message.contains("role late was created"), message);
    assertTrue(message.endsWith("run plan again"), message);
  }
}

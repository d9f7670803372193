package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Verdicts that depend on how ECS was read: from a snapshot ("as of" its time: never an allow),
 * partly (a deployment found and something unreadable), and what the plan records of the scan.
 */
class EcsScanVerdictsTest {
  static final Instant TAKEN = Instant.parse("2026-11-28T22:00:00Z");

  private static LiveAccount live() {
    return new SafetyFixtures.Live().role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of()).build();
  }

  private static Plan deleteRole(FakeEcs ecs, StackSettings settings) {
    return Safety.check(plan(stack(settings), live()), stack(settings), live(), ecs, CLOCK);
  }

  @Test
  void aSnapshotWhereNothingUsesTheRoleWarnsAsOfItsTimeInsteadOfAllowing() {
    FakeEcs ecs = new FakeEcs();
    ecs.asOf = TAKEN;

    Verdict v = only(deleteRole(ecs, StackSettings.defaults()), Address.role(ROLE));

    assertEquals(Level.WARN, v.level());
    assertContains(v.message(), "As of " + TAKEN, "no deployment uses role " + ROLE,
        "apply re-checks live ECS");
  }

  @Test
  void aSnapshotOfUnknownDateWarnsTooNeverAllows() {
    FakeEcs ecs = new FakeEcs();
    ecs.undatedSnapshot = true;

    Verdict v = only(deleteRole(ecs, StackSettings.defaults()), Address.role(ROLE));

    assertEquals(Level.WARN, v.level(), v::message);
    assertContains(v.message(), "From a snapshot of unknown date", "apply re-checks live ECS");
  }

  @Test
  void aScanOfTheNamedRegionsAloneWarnsAndSaysWhyInsteadOfAllowing() {
    FakeEcs ecs = new FakeEcs();
    ecs.partial = "cannot list the regions enabled for the account (AccessDenied), so only the"
        + " stack's settings.ecs.regions (eu-west-1) were checked";

    Verdict v = only(deleteRole(ecs, new StackSettings(10, List.of(), List.of("eu-west-1"))),
        Address.role(ROLE));

    assertEquals(Level.WARN, v.level(), v::message);
    assertContains(v.message(), "could not check every region", "AccessDenied",
        "only the stack's settings.ecs.regions (eu-west-1) were checked");
  }

  @Test
  void aSnapshotTakenDuringADeploymentBlocks() {
    FakeEcs ecs = new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "d1", "BAKE_TIME"));
    ecs.asOf = TAKEN;

    Verdict v = only(deleteRole(ecs, StackSettings.defaults()), Address.role(ROLE));

    assertEquals(Level.BLOCK, v.level());
    assertContains(v.message(), "As of " + TAKEN, "d1", "source: fake ListServiceDeployments");
  }

  @Test
  void aDeploymentFoundWhileSomethingElseWasUnreadableBlocksNamingBoth() {
    FakeEcs ecs = new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "d1", "SCALE_UP"));
    ecs.unknownReason = "access to ECS in eu-west-1 was denied for ListClusters";

    Verdict v = only(deleteRole(ecs, StackSettings.defaults()), Address.role(ROLE));

    assertEquals(Level.BLOCK, v.level());
    assertContains(v.message(), "d1", "SCALE_UP", "could not read all of ECS", "eu-west-1 was denied");
  }

  @Test
  void thePlanRecordsTheRegionsAndClustersItRead() {
    StackSettings regions =
        new StackSettings(10, List.of(), List.of("us-east-1", "eu-west-1"));
    FakeEcs ecs = new FakeEcs();

    Plan checked = deleteRole(ecs, regions);

    assertEquals(List.of(List.of("us-east-1", "eu-west-1")), ecs.regionsAsked);
    assertEquals(List.of("us-east-1", "eu-west-1"), checked.ecs().regions());
    assertEquals(List.of("arn:aws:ecs:us-east-1:123456789012:cluster/prod"), checked.ecs().clusters());
  }

  @Test
  void aPlanThatNeededNoEcsReadRecordsNone() {
    Plan nothing = Safety.check(plan(stack(), new SafetyFixtures.Live().build()), stack(),
        new SafetyFixtures.Live().build(), new FakeEcs(), CLOCK);

    assertNull(nothing.ecs());
  }
}

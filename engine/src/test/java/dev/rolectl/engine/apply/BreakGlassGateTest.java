package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.InstanceProfileAssociations;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Protection;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --break-glass}: the gate lets through what the safety rules block (the plan's
 * block and the re-check's), reports each, and still refuses a block of another rule; without
 * it, a block that waiting cannot end is refused at once even with a wait budget.
 */
class BreakGlassGateTest {
  static final String REASON = "INC-1 revoke public trust";

  @TempDir Path dir;
  Plan destroy;
  LiveAccount live;
  ResourceChange delete;
  final EcsGateTest.MovableClock clock = new EcsGateTest.MovableClock();
  final List<EngineEvent> events = new ArrayList<>();

  @BeforeEach
  void setUp() {
    Fx.Account account = new Fx.Account(dir.resolve("account.json"));
    assertTrue(account.apply(account.plan(Fx.stack(Fx.role("infra")))).succeeded());
    live = account.read(Fx.stack());
    destroy = account.plan(Fx.stack());
    delete = destroy.changes().stream()
        .filter(c -> c.address().toString().equals("roles.infra")).findFirst().orElseThrow();
  }

  private Optional<String> check(EcsGateTest.Scripted ecs, Duration waitFor, String breakGlass,
      ResourceChange c) {
    SafetyGate gate = SafetyGates.of(destroy, Fx.stack(), live, ecs,
        InstanceProfileAssociations.unknown("no EC2 here"), waitFor, breakGlass, clock,
        d -> clock.now = clock.now.plus(d));
    return gate.check(c, events::add);
  }

  @Test
  void aDeploymentInProgressIsOverriddenAndReported() {
    EcsGateTest.Scripted ecs = new EcsGateTest.Scripted(100);
    assertEquals(Optional.empty(), check(ecs, Duration.ZERO, REASON, delete));
    EngineEvent.BrokeGlass b = (EngineEvent.BrokeGlass) events.get(0);
    assertEquals("ecs-role-delete", b.rule());
    assertEquals(REASON, b.reason());
    assertTrue(b.message().contains("d1"), b::message);
    assertEquals(1, ecs.scans, "ECS is read to say what was overridden");
  }

  @Test
  void thePlansSafetyBlockIsOverriddenButNeverAnotherRulesBlock() {
    ResourceChange planned = delete.withVerdicts(
        List.of(Verdict.block("ecs-role-delete", "deployment d1 uses it")));
    assertEquals(Optional.empty(), check(new EcsGateTest.Scripted(0), Duration.ZERO, REASON,
        planned));
    assertEquals("deployment d1 uses it", ((EngineEvent.BrokeGlass) events.get(0)).message());

    events.clear();
    ResourceChange kept = delete.withVerdicts(List.of(
        Verdict.block("ecs-role-delete", "deployment d1 uses it"),
        Verdict.block(Protection.RULE, "roles.infra is protected")));
    Optional<String> refused = check(new EcsGateTest.Scripted(0), Duration.ZERO, REASON, kept);
    assertTrue(refused.orElseThrow().contains("roles.infra is protected"), refused::toString);
    assertTrue(events.isEmpty(), "nothing overridden");
  }

  @Test
  void withoutBreakGlassABlockWaitingCannotEndIsRefusedAtOnce() {
    ResourceChange planned = delete.withVerdicts(
        List.of(Verdict.block("ecs-task-role-delete", "service web runs task definition app:3")));
    EcsGateTest.Scripted ecs = new EcsGateTest.Scripted(0);
    Optional<String> refused = check(ecs, Duration.ofMinutes(10), null, planned);
    assertTrue(refused.orElseThrow().contains("--wait-for-deployments does not apply"),
        refused::toString);
    assertEquals(0, ecs.scans, "no wait, no read");
    assertTrue(events.isEmpty());
  }
}

package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ECS gate: plan verdicts, the re-check, and waiting with --wait-for-deployments. */
class EcsGateTest {
  static final String ARN = "arn:aws:iam::123456789012:role/infra";

  @TempDir Path dir;
  Plan destroy;
  LiveAccount live;
  ResourceChange delete;
  final MovableClock clock = new MovableClock();
  final List<EngineEvent> events = new ArrayList<>();

  /** ECS whose deployment of service web ends after {@code busyScans} scans. */
  static final class Scripted implements EcsDeployments {
    int busyScans;
    int scans;

    Scripted(int busyScans) {
      this.busyScans = busyScans;
    }

    @Override
    public EcsScan inventory(Collection<String> regions) {
      return rescan(List.of(ARN), regions);
    }

    @Override
    public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
      return rescan(roleArns, regions);
    }

    @Override
    public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
      scans++;
      List<ActiveDeployment> active =
          scans <= busyScans
              ? List.of(new ActiveDeployment("d1", "IN_PROGRESS", null, "BAKE_TIME", null))
              : List.of();
      ServiceUse web =
          new ServiceUse(
              "us-east-1", "prod", ServiceUse.SERVICE, "web", Set.of(EcsRoleField.LOAD_BALANCER),
              active, "scripted");
      return EcsScan.known(regions, Map.of(ARN, List.of(web)));
    }
  }

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @BeforeEach
  void setUp() {
    Fx.Account account = new Fx.Account(dir.resolve("account.json"));
    Stack both = Fx.stack(Fx.role("infra"));
    assertTrue(account.apply(account.plan(both)).succeeded());
    live = account.read(Fx.stack());
    destroy = account.plan(Fx.stack());
    delete =
        destroy.changes().stream()
            .filter(c -> c.address().toString().equals("roles.infra"))
            .findFirst()
            .orElseThrow();
  }

  private Optional<String> check(EcsDeployments ecs, Duration waitFor, ResourceChange c) {
    SafetyGate gate =
        SafetyGates.ecs(destroy, Fx.stack(), live, ecs, waitFor, clock, d -> clock.now = clock.now.plus(d));
    return gate.check(c, events::add);
  }

  @Test
  void withoutWaitingAnActiveDeploymentBlocks() {
    Optional<String> blocked = check(new Scripted(100), Duration.ZERO, delete);
    assertTrue(blocked.isPresent());
    assertTrue(blocked.get().contains("ecs-role-delete"), blocked.get());
    assertTrue(blocked.get().contains("--wait-for-deployments"), blocked.get());
    assertTrue(events.isEmpty());
  }

  @Test
  void aBlockInThePlanIsRefusedWithoutAskingEcsAgain() {
    ResourceChange planned =
        delete.withVerdicts(List.of(Verdict.block("ecs-role-delete", "deployment d1 uses it")));
    Scripted ecs = new Scripted(0);
    Optional<String> blocked = check(ecs, Duration.ZERO, planned);
    assertTrue(blocked.orElseThrow().startsWith("the plan blocked this change: deployment d1"), blocked.get());
    assertEquals(0, ecs.scans);
  }

  @Test
  void withWaitingAPlannedBlockIsCheckedAgainAndGoesOnWhenTheDeploymentIsOver() {
    ResourceChange planned =
        delete.withVerdicts(List.of(Verdict.block("ecs-role-delete", "deployment d1 uses it")));
    assertEquals(Optional.empty(), check(new Scripted(0), Duration.ofMinutes(10), planned));
  }

  /**
   * Ctrl-C or SIGTERM while a change waits for a deployment ({@code --wait-for-deployments 1h}):
   * the wait ends at once and the change is refused, so that the apply can end within a CI
   * runner's grace period instead of waiting for the deployment.
   */
  @Test
  void aStopRequestedWhileWaitingEndsTheWaitAndRefusesTheChange() throws Exception {
    Stop stop = new Stop();
    SafetyGate gate = SafetyGates.ecs(destroy, Fx.stack(), live, new Scripted(1_000_000),
        Duration.ofHours(1), stop);
    java.util.concurrent.CompletableFuture<Optional<String>> checked =
        java.util.concurrent.CompletableFuture.supplyAsync(() -> gate.check(delete, events::add));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (events.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(10);
    }
    assertFalse(events.isEmpty(), "waiting for the deployment");
    long start = System.nanoTime();
    stop.request("terminated (SIGTERM)");
    Optional<String> refused = checked.get(30, java.util.concurrent.TimeUnit.SECONDS);
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "not the hour");
    assertTrue(refused.orElseThrow().startsWith("waiting for ECS deployments was interrupted"),
        refused.toString());
  }

  @Test
  void waitsUntilTheDeploymentIsOverReportingEachPoll() {
    Scripted ecs = new Scripted(4);
    assertEquals(Optional.empty(), check(ecs, Duration.ofMinutes(10), delete));
    List<EngineEvent.Waiting> waits =
        events.stream().map(EngineEvent.Waiting.class::cast).toList();
    assertFalse(waits.isEmpty());
    assertTrue(waits.get(0).what().contains("deployment d1"), waits.get(0).toString());
    assertTrue(waits.get(0).what().contains("service web"), waits.get(0).toString());
    assertTrue(waits.get(0).why().contains(ARN), waits.get(0).toString());
    assertTrue(waits.get(waits.size() - 1).soFar().compareTo(Duration.ZERO) > 0);
    assertEquals(Duration.ofSeconds(15), EcsGate.interval(Duration.ofMinutes(10)));
  }

  @Test
  void givesUpWhenTheTimeIsUpAndTheBudgetIsSharedByLaterChanges() {
    Scripted ecs = new Scripted(Integer.MAX_VALUE);
    SafetyGate gate =
        SafetyGates.ecs(destroy, Fx.stack(), live, ecs, Duration.ofSeconds(30), clock,
            d -> clock.now = clock.now.plus(d));
    Optional<String> first = gate.check(delete, events::add);
    assertTrue(first.orElseThrow().startsWith("still blocked when the --wait-for-deployments time (30s) was up"), first.get());
    Instant after = clock.now;
    assertTrue(Duration.between(Instant.parse("2026-01-01T00:00:00Z"), after).getSeconds() <= 30);
    assertTrue(gate.check(delete, events::add).isPresent());
    assertEquals(after, clock.now, "the budget was spent: the second change does not wait again");
  }

  @Test
  void intervalIsATenthOfTheBudgetWithinOneToFifteenSeconds() {
    assertEquals(Duration.ofSeconds(1), EcsGate.interval(Duration.ofSeconds(2)));
    assertEquals(Duration.ofSeconds(3), EcsGate.interval(Duration.ofSeconds(30)));
    assertEquals(Duration.ofSeconds(15), EcsGate.interval(Duration.ofHours(1)));
  }
}

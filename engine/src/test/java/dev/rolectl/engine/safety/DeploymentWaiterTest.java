package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.NOW;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.model.EngineEvent;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeploymentWaiterTest {
  private static final Duration INTERVAL = Duration.ofSeconds(15);

  /** A clock that the sleeper moves. */
  static final class FakeClock extends Clock {
    Instant now = NOW;

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private final FakeClock clock = new FakeClock();
  private final List<EngineEvent> events = new ArrayList<>();
  private final List<Duration> sleeps = new ArrayList<>();

  private DeploymentWaiter waiter(FakeEcs ecs, Duration timeout) {
    return new DeploymentWaiter(
        ecs,
        INTERVAL,
        timeout,
        clock,
        d -> {
          sleeps.add(d);
          clock.now = clock.now.plus(d);
        });
  }

  private static Map<String, List<ServiceUse>> deploying() {
    return Map.of(ROLE_ARN, List.of(FakeEcs.deploying("web", "ecs-svc/3", "BAKE_TIME")));
  }

  @Test
  void waitsUntilTheDeploymentIsOverAndReportsEachWait() {
    FakeEcs ecs = new FakeEcs();
    ecs.rescanStates.add(deploying());
    ecs.rescanStates.add(deploying());
    ecs.rescanStates.add(Map.of(ROLE_ARN, List.of(FakeEcs.idle("web"))));

    DeploymentWaiter.Result r =
        waiter(ecs, Duration.ofMinutes(10)).await(List.of(ROLE_ARN), List.of(), events::add);

    assertTrue(r.done());
    assertEquals(Duration.ofSeconds(30), r.waited());
    assertEquals(3, ecs.rescans);
    assertEquals(0, ecs.scans, "never answered from a cache");
    assertEquals(List.of(INTERVAL, INTERVAL), sleeps);
    assertEquals(2, events.size());
    EngineEvent.Waiting w = (EngineEvent.Waiting) events.get(1);
    assertTrue(w.what().contains("ecs-svc/3") && w.what().contains("service web"), w.what());
    assertTrue(w.why().contains(ROLE_ARN), w.why());
    assertEquals(Duration.ofSeconds(15), w.soFar());
  }

  @Test
  void givesUpAtTheTimeoutWithWhatWasStillDeploying() {
    FakeEcs ecs = new FakeEcs();
    ecs.rescanStates.add(deploying());

    DeploymentWaiter.Result r =
        waiter(ecs, Duration.ofMinutes(1)).await(List.of(ROLE_ARN), List.of(), events::add);

    assertEquals(DeploymentWaiter.Outcome.TIMEOUT, r.outcome());
    assertFalse(r.done());
    assertTrue(r.last().deploying(ROLE_ARN));
    assertEquals(Duration.ofMinutes(1), r.waited());
    assertEquals(4, sleeps.size());
  }

  @Test
  void keepsWaitingWhileEcsCannotBeRead() {
    FakeEcs ecs = new FakeEcs();
    ecs.unknownReason = "cannot reach ECS in us-east-1";

    DeploymentWaiter.Result r =
        waiter(ecs, Duration.ofSeconds(30)).await(List.of(ROLE_ARN), List.of(), events::add);

    assertEquals(DeploymentWaiter.Outcome.TIMEOUT, r.outcome());
    assertFalse(r.last().isKnown());
    EngineEvent.Waiting w = (EngineEvent.Waiting) events.get(0);
    assertTrue(w.why().contains("cannot reach ECS"), w.why());
  }

  @Test
  void nothingDeployingMeansNoWait() {
    DeploymentWaiter.Result r =
        waiter(new FakeEcs(), Duration.ofMinutes(10))
            .await(List.of(ROLE_ARN), List.of(), events::add);

    assertTrue(r.done());
    assertEquals(Duration.ZERO, r.waited());
    assertEquals(List.of(), sleeps);
    assertEquals(List.of(), events);
  }
}

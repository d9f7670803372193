package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.RemovalOrder;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.ResourceKind;
import dev.rolectl.engine.policy.AccessImpact;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The wait graph's edges and the bounded parallel walk over it. */
class WalkTest {

  static ResourceChange change(Action action, Resource r) {
    Resource before = action == Action.CREATE ? null : r;
    Resource after = action == Action.DELETE ? null : r;
    return new ResourceChange(
        r.address(), ResourceKind.of(r), action, before, after, List.<AttributeDiff>of(),
        AccessImpact.values()[0], null, r.dependsOn());
  }

  @Test
  void createsFollowDependenciesAndDeletesGoInReverse() {
    Role app = Fx.role("app");
    var created = List.of(
        change(Action.CREATE, Fx.attach("app", Fx.READ_ONLY)),
        change(Action.CREATE, app),
        change(Action.CREATE, Fx.inline("app", "read", Fx.allow("s3:*"))));
    Map<Address, Set<Address>> waits = WaitGraph.of(created);
    assertEquals(Set.of(), waits.get(app.address()));
    assertEquals(Set.of(app.address()), waits.get(Address.attachment("app", Fx.READ_ONLY)));

    var deleted = List.of(
        change(Action.DELETE, Fx.attach("app", Fx.READ_ONLY)),
        change(Action.DELETE, app),
        change(Action.DELETE, Fx.inline("app", "read", Fx.allow("s3:*"))));
    Map<Address, Set<Address>> reverse = WaitGraph.of(deleted);
    assertEquals(
        Set.of(Address.attachment("app", Fx.READ_ONLY), Address.inline("app", "read")),
        reverse.get(app.address()));
    assertEquals(Set.of(), reverse.get(Address.inline("app", "read")));
  }

  @Test
  void aReplaceWaitsForDeletesOfItsDependentsAndCreatesWaitForSiblingDeletes() {
    Role app = Fx.role("app");
    var changes = List.of(
        change(Action.REPLACE, app),
        change(Action.DELETE, Fx.attach("app", Fx.READ_ONLY)),
        change(Action.CREATE, Fx.attach("app", Fx.LB)),
        change(Action.NO_OP, Fx.inline("app", "x", Fx.allow("s3:*"))));
    Map<Address, Set<Address>> waits = WaitGraph.of(changes);
    assertEquals(Set.of(Address.attachment("app", Fx.READ_ONLY)), waits.get(app.address()));
    assertEquals(
        Set.of(app.address(), Address.attachment("app", Fx.READ_ONLY)),
        waits.get(Address.attachment("app", Fx.LB)));
    assertTrue(!waits.containsKey(Address.inline("app", "x")), "no-ops are not nodes");
  }

  @Test
  void aRolesRemovalsWaitForItsAdditionsUnlessThePlanSaysAQuotaForcesTheOtherOrder() {
    var changes = new ArrayList<>(List.of(
        change(Action.NO_OP, Fx.role("app")),
        change(Action.DELETE, Fx.attach("app", Fx.READ_ONLY)),
        change(Action.CREATE, Fx.attach("app", Fx.LB)),
        change(Action.DELETE, Fx.inline("app", "queue-send", Fx.allow("sqs:SendMessage"))),
        change(Action.CREATE, Fx.inline("app", "queue-access", Fx.allow("sqs:*")))));
    Map<Address, Set<Address>> waits = WaitGraph.of(changes);
    Set<Address> adds = Set.of(Address.attachment("app", Fx.LB), Address.inline("app", "queue-access"));
    assertEquals(adds, waits.get(Address.attachment("app", Fx.READ_ONLY)));
    assertEquals(adds, waits.get(Address.inline("app", "queue-send")));
    assertEquals(Set.of(), waits.get(Address.attachment("app", Fx.LB)));

    ResourceChange quota = changes.get(1);
    changes.set(1, new ResourceChange(quota.address(), quota.kind(), quota.action(), quota.before(),
        null, quota.diffs(), quota.impact(), RemovalOrder.REMOVE_FIRST + ": over the quota",
        quota.dependsOn()));
    Map<Address, Set<Address>> forced = WaitGraph.of(changes);
    assertEquals(Set.of(), forced.get(Address.attachment("app", Fx.READ_ONLY)));
    assertEquals(Set.of(Address.attachment("app", Fx.READ_ONLY)),
        forced.get(Address.attachment("app", Fx.LB)));
  }

  @Test
  void aPolicyIsDeletedAfterTheChangesThatTakeItAwayAsABoundary() {
    Role bounded = Fx.role("app");
    Role before = new Role(bounded.address(), bounded.location(), "app", "/", null, 3600,
        bounded.trustPolicy(), Fx.policyArn("fence"), Map.of(), null, false, false, Set.of());
    ResourceChange freed = new ResourceChange(bounded.address(), ResourceKind.ROLE, Action.UPDATE,
        before, bounded, List.of(), AccessImpact.values()[0], null, Set.of());
    var changes = List.of(freed, change(Action.DELETE, Fx.policy("fence", Fx.allow("s3:*"))));
    assertEquals(Set.of(bounded.address()), WaitGraph.of(changes).get(Address.policy("fence")));

    var kept = List.of(change(Action.UPDATE, before), change(Action.DELETE, Fx.policy("fence", Fx.allow("s3:*"))));
    assertEquals(Set.of(), WaitGraph.of(kept).get(Address.policy("fence")),
        "a role that keeps the boundary is not waited for (the plan refuses that delete)");
  }

  @Test
  void runsAtMostParallelismAtOnceAndNeverBeforeItsDependencies() {
    List<ResourceChange> changes = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      changes.add(change(Action.CREATE, Fx.role("r" + i)));
      changes.add(change(Action.CREATE, Fx.attach("r" + i, Fx.READ_ONLY)));
    }
    AtomicInteger running = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    List<Address> finished = Collections.synchronizedList(new ArrayList<>());
    List<String> violations = Collections.synchronizedList(new ArrayList<>());
    Map<Address, Set<Address>> waits = WaitGraph.of(changes);
    List<ChangeOutcome> outcomes =
        new GraphWalk(changes, waits, e -> {})
            .run(
                3,
                c -> {
                  peak.accumulateAndGet(running.incrementAndGet(), Math::max);
                  for (Address d : waits.get(c.address())) {
                    if (!finished.contains(d)) {
                      violations.add(c.address() + " before " + d);
                    }
                  }
                  try {
                    Thread.sleep(5);
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                  }
                  running.decrementAndGet();
                  finished.add(c.address());
                  return ChangeOutcome.done(c.address(), c.action(), Duration.ZERO);
                });
    assertEquals(List.of(), violations);
    assertEquals(3, peak.get());
    assertEquals(24, outcomes.size());
    assertTrue(outcomes.stream().allMatch(ChangeOutcome::isDone));
  }

  @Test
  void aFailureSkipsEverythingDownstreamWithTheFailedChangeAsUpstream() {
    Role a = Fx.role("a");
    var changes = List.of(
        change(Action.CREATE, a),
        change(Action.CREATE, Fx.attach("a", Fx.READ_ONLY)),
        change(Action.CREATE, Fx.role("b")));
    List<Object> events = new ArrayList<>();
    List<ChangeOutcome> outcomes =
        new GraphWalk(changes, WaitGraph.of(changes), events::add)
            .run(
                1,
                c -> c.address().equals(a.address())
                    ? new ChangeOutcome(c.address(), c.action(), ChangeOutcome.Status.FAILED, "boom", Duration.ZERO, null)
                    : ChangeOutcome.done(c.address(), c.action(), Duration.ZERO));
    assertEquals(ChangeOutcome.Status.FAILED, outcomes.get(0).status());
    assertEquals(ChangeOutcome.Status.SKIPPED, outcomes.get(1).status());
    assertEquals(a.address(), outcomes.get(1).upstream());
    assertEquals("skipped: upstream roles.a failed", outcomes.get(1).message());
    assertEquals(ChangeOutcome.Status.DONE, outcomes.get(2).status());
    assertEquals(1, events.size());
  }
}

package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.attachment;
import static dev.rolectl.engine.plan.Fixtures.owned;
import static dev.rolectl.engine.plan.Fixtures.trust;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.StackSettings;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The plan marks removals that must go first because a quota would be exceeded, and no others. */
class RemovalOrderTest {
  private static final PlanOptions OPTIONS =
      new PlanOptions(false, "local:test.json", Instant.parse("2026-11-29T00:00:00Z"));

  private static Plan swap(int liveCount, int max) {
    List<String> live = new ArrayList<>();
    List<Resource> declared = new ArrayList<>(List.of(Fixtures.role("app")));
    for (int i = 0; i < liveCount; i++) {
      String arn = "arn:aws:iam::aws:policy/P" + i;
      live.add(arn);
      if (i > 0) {
        declared.add(attachment("app", arn)); // keep all but P0
      }
    }
    declared.add(attachment("app", "arn:aws:iam::aws:policy/New"));
    var account = new Fixtures.Live().role("app", "/", trust("ecs.amazonaws.com"), owned(Map.of()),
        live, Map.of()).build();
    StackSettings settings = new StackSettings(max, List.of(), List.of());
    return Differ.plan(Fixtures.stack(settings, declared.toArray(Resource[]::new)), account, OPTIONS)
        .plan().orElseThrow();
  }

  private static ResourceChange removal(Plan plan) {
    return plan.changes().stream()
        .filter(c -> c.address().equals(Address.attachment("app", "arn:aws:iam::aws:policy/P0")))
        .findFirst().orElseThrow();
  }

  @Test
  void belowTheQuotaRemovalsDoNotGoFirst() {
    ResourceChange c = removal(swap(3, 10));
    assertEquals(Action.DELETE, c.action());
    assertFalse(RemovalOrder.removesFirst(c), c.reason());
  }

  @Test
  void atTheQuotaThePlanSaysTheRemovalGoesFirstAndWhy() {
    ResourceChange c = removal(swap(10, 10));
    assertTrue(RemovalOrder.removesFirst(c));
    assertTrue(c.reason().contains("11 managed policies") && c.reason().contains("quota of 10"),
        c.reason());
  }
}

package dev.rolectl.engine.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The file's changes against a plan of its stack made again: the first difference is named. */
class PlanMatchTest {
  @Test
  void equalPlansMatchWhateverTheirVerdicts() {
    Plan plan = PlanFileCheckTest.plan();
    Plan blocked = withBlock(plan, 0);
    assertEquals(Optional.empty(), PlanMatch.firstDifference(plan, plan));
    assertEquals(Optional.empty(), PlanMatch.firstDifference(blocked, plan));
  }

  @Test
  void aChangeMissingAddedOrDifferentIsNamedWithItsPath() {
    Plan plan = PlanFileCheckTest.plan();
    List<ResourceChange> fewer = new ArrayList<>(plan.changes());
    ResourceChange last = fewer.remove(fewer.size() - 1);
    String more = PlanMatch.firstDifference(plan.withChanges(fewer), plan).orElseThrow();
    assertTrue(more.startsWith("planning now gives more changes: changes[" + fewer.size() + "] ("
        + last.address()), more);
    String less = PlanMatch.firstDifference(plan, plan.withChanges(fewer)).orElseThrow();
    assertTrue(less.contains("is not a change planning gives now"), less);
    List<ResourceChange> reordered = new ArrayList<>(plan.changes());
    java.util.Collections.reverse(reordered);
    String order = PlanMatch.firstDifference(plan.withChanges(reordered), plan).orElseThrow();
    assertTrue(order.startsWith("changes[0] (" + reordered.get(0).address() + ").address: the file"
        + " has"), order);
  }

  @Test
  void aBlockInTheFileIsKeptAndNothingElseOfItsVerdicts() {
    Plan plan = PlanFileCheckTest.plan();
    Plan run = PlanMatch.withClaimedBlocks(withBlock(plan, 1), plan);
    assertTrue(run.changes().get(1).blocked());
    assertEquals(plan.changes().get(0), run.changes().get(0));
    List<ResourceChange> warned = new ArrayList<>(plan.changes());
    warned.set(0, warned.get(0).withVerdicts(List.of(Verdict.warn("ecs-role-delete", "w"))));
    assertEquals(plan.changes(), PlanMatch.withClaimedBlocks(plan.withChanges(warned), plan).changes());
  }

  static Plan withBlock(Plan plan, int i) {
    List<ResourceChange> changes = new ArrayList<>(plan.changes());
    changes.set(i, changes.get(i).withVerdicts(List.of(Verdict.block("ecs-role-delete", "busy"))));
    return plan.withChanges(changes);
  }
}

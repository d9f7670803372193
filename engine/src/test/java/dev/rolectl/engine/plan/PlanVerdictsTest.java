package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.LB_POLICY;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Safety verdicts on a plan: carried by changes, saved and read back, and {@link Plan#blocked()}.
 */
class PlanVerdictsTest {
  private static Plan deletePlan() {
    LiveAccount live = new Fixtures.Live().ownedRole("r", List.of(LB_POLICY)).build();
    return Differ.plan(
            stack(), live, new PlanOptions(false, "aws", Instant.parse("2026-11-29T10:00:00Z")))
        .plan()
        .orElseThrow();
  }

  private static Plan withVerdict(Plan plan, Verdict verdict) {
    List<ResourceChange> changes = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      changes.add(c.address().value().equals("roles.r") ? c.withVerdicts(List.of(verdict)) : c);
    }
    return plan.withChanges(changes);
  }

  @Test
  void aPlanMadeByTheDifferHasNoVerdictsAndIsNotBlocked() {
    Plan plan = deletePlan();

    assertTrue(plan.changes().stream().allMatch(c -> c.verdicts().isEmpty()));
    assertFalse(plan.blocked());
  }

  @Test
  void aBlockVerdictBlocksThePlanAndWarnOrAllowDoNot() {
    Plan plan = deletePlan();

    assertTrue(withVerdict(plan, Verdict.block("ecs-role-delete", "deployment running")).blocked());
    assertFalse(withVerdict(plan, Verdict.warn("ecs-role-delete", "next one fails")).blocked());
    assertFalse(withVerdict(plan, Verdict.allow("ecs-role-delete", "unused")).blocked());
  }

  @Test
  void verdictsAreSavedAndReadBack() {
    Plan plan =
        withVerdict(
            deletePlan(),
            Verdict.block("ecs-role-delete", "deployment ecs-svc/1 is \"IN_PROGRESS\""));

    String json = PlanFile.write(plan);
    Plan read = PlanFile.read(json);

    assertTrue(json.contains("\"blocked\" : true"), json);
    assertTrue(json.contains("\"level\" : \"block\""), json);
    assertEquals(plan.changes(), read.changes());
    assertTrue(read.blocked());
    assertEquals(json, PlanFile.write(read));
  }

  /** A file is what rolectl writes: a change without its verdicts was edited, and is refused. */
  @Test
  void aSavedPlanWithoutVerdictsIsRefusedNamingTheField() {
    String json = PlanFile.write(deletePlan()).replace("\"verdicts\" : [ ],", "");
    assertFalse(json.contains("verdicts"), json);

    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanFile.read(json));

    assertTrue(e.getMessage().startsWith("changes[0].verdicts is missing"), e.getMessage());
  }

  @Test
  void anUnknownVerdictLevelIsAClearError() {
    String json =
        PlanFile.write(withVerdict(deletePlan(), Verdict.warn("r", "m")))
            .replace("\"level\" : \"warn\"", "\"level\" : \"maybe\"");

    PlanFormatException e = assertThrows(PlanFormatException.class, () -> PlanFile.read(json));

    assertTrue(e.getMessage().startsWith("/changes/0/verdicts/0/level: does not have a value in the"
        + " enumeration [\"allow\", \"warn\", \"block\"]"), e.getMessage());
    assertEquals(json.lines().takeWhile(l -> !l.contains("\"maybe\"")).count() + 1, e.line(),
        "the line of the verdict's level");
  }

  @Test
  void levelsOrderBySeriousness() {
    assertEquals(Verdict.Level.BLOCK, Verdict.Level.WARN.max(Verdict.Level.BLOCK));
    assertEquals(Verdict.Level.WARN, Verdict.Level.WARN.max(Verdict.Level.ALLOW));
    assertThrows(IllegalArgumentException.class, () -> Verdict.warn(" ", "m"));
  }
}

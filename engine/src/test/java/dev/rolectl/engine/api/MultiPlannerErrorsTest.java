package dev.rolectl.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.Severity;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An account whose plan has errors is reported failed, and the first line of its reason (all that
 * a report's summary table shows) says that the plan is incomplete, how many errors it has and
 * what they concern: never something that reads like a clean plan.
 */
class MultiPlannerErrorsTest {
  @Test
  void theFirstLineCountsTheErrorsAndNamesWhatTheyConcern() {
    Diagnostic unreadable = new Diagnostic(Severity.ERROR, "live-unreadable",
        new Location("odd.yaml", 4, 3), Address.role("mine"), "the live role mine could not be read");
    Diagnostic missing = Diagnostic.error("missing-managed-policy", new Location("odd.yaml", 9, 9),
        "no such policy");
    Diagnostic warning = new Diagnostic(Severity.WARNING, "live-unreadable-ignored", null,
        Address.role("theirs"), "left out");
    PlanOutcome outcome = new PlanOutcome(Optional.empty(), Optional.empty(), Optional.empty(),
        List.of(warning, missing, unreadable));

    List<String> lines = MultiPlanner.errors(outcome).lines().toList();

    assertEquals(List.of(
        "plan incomplete, cannot be applied: 2 errors (roles.mine, odd.yaml:9:9)",
        "odd.yaml:4:3: error[live-unreadable]: the live role mine could not be read",
        "odd.yaml:9:9: error[missing-managed-policy]: no such policy"), lines);
  }

  @Test
  void withoutErrorsItSaysThatThePlanCouldNotBeMade() {
    assertEquals("the plan could not be made", MultiPlanner.errors(new PlanOutcome(
        Optional.empty(), Optional.empty(), Optional.empty(), List.of())));
  }
}

package dev.rolectl.engine.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import java.util.List;

/** Test helpers for reading verdicts off a checked plan. */
final class Verdicts {
  private Verdicts() {}

  static List<Verdict> of(Plan plan, Address address) {
    return SafetyFixtures.change(plan, address).verdicts();
  }

  /** The one verdict of a change. */
  static Verdict only(Plan plan, Address address) {
    List<Verdict> v = of(plan, address);
    assertEquals(1, v.size(), () -> address + " has verdicts " + v);
    return v.get(0);
  }

  static void assertContains(String text, String... parts) {
    for (String p : parts) {
      if (!text.contains(p)) {
        throw new AssertionError("expected '" + p + "' in: " + text);
      }
    }
  }
}

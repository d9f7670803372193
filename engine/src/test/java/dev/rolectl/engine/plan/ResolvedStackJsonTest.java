package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The resolved stack of a saved plan is what {@code apply PLANFILE} plans again: every setting
 * that shapes a plan or its safety check must come back as it was saved (an organisation-denied
 * region lost here made a declared deny block the apply of a reviewed plan).
 */
class ResolvedStackJsonTest {
  @Test
  void everySettingRoundTrips() {
    Stack s = stack(role("r"));
    StackSettings settings = new StackSettings(7, List.of("aws:", "team-"),
        List.of("us-east-1", "eu-west-1"), List.of("ap-east-1", "*"));
    Stack withSettings = new Stack(s.name(), "123456789012", s.accountId(), s.partition(),
        s.tags(), s.resources(), settings, s.sourceMap());

    ResolvedStack back = ResolvedStackJson.read(
        ResolvedStackJson.write(new ResolvedStack(withSettings, true)));

    assertEquals(settings, back.stack().settings());
    assertEquals("123456789012", back.stack().account());
    assertEquals(true, back.adoptAll());
    assertEquals(withSettings.resources(), back.stack().resources());
  }
}

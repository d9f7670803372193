package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Statements as plans show them (issue 10, case 9: an empty condition value is visible). */
class StatementViewTest {
  static Statement withCondition(List<String> values) {
    return new Statement(null, "Allow", null, null, List.of("s3:GetObject"), List.of(),
        List.of("*"), List.of(), Map.of("StringEquals", Map.of("aws:PrincipalTag/team", values)));
  }

  @Test
  void emptyConditionValueShowsAsQuotes() {
    assertEquals("StringEquals aws:PrincipalTag/team = \"\"",
        StatementView.conditions(withCondition(List.of(""))));
    assertEquals("Allow s3:GetObject on * when StringEquals aws:PrincipalTag/team = \"\" | a",
        StatementView.oneLine(withCondition(List.of("", "a"))));
    assertEquals("StringEquals aws:PrincipalTag/team = a",
        StatementView.conditions(withCondition(List.of("a"))));
  }
}

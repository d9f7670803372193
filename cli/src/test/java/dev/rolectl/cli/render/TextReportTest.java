package dev.rolectl.cli.render;

import dev.rolectl.engine.api.CheckReport;
import static dev.rolectl.cli.render.Reports.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextReportTest {

  @Test
  void diagnosticsAreSortedNumericallyByFileLineAndColumnThenAddressOnly() {
    Diagnostic addressOnly =
        new Diagnostic(Severity.WARNING, "drift", null, Address.role("a"), "live differs");
    CheckReport report =
        Reports.loaded(
            "s",
            1,
            addressOnly,
            at(Severity.SUGGESTION, "x", "b.yaml", 2, 1, "m1"),
            at(Severity.ERROR, "x", "a.yaml", 10, 1, "m2"),
            at(Severity.ERROR, "x", "a.yaml", 9, 12, "m3"),
            at(Severity.WARNING, "x", "a.yaml", 9, 3, "m4"));

    StringWriter out = new StringWriter();
    TextReport.diagnostics(report.diagnostics(), new PrintWriter(out, true), Style.plain());

    assertEquals(
        String.join(
            "\n",
            "a.yaml:9:3: warning[x]: m4",
            "a.yaml:9:12: error[x]: m3",
            "a.yaml:10:1: error[x]: m2",
            "b.yaml:2:1: suggestion[x]: m1",
            "roles.a: warning[drift]: live differs",
            ""),
        out.toString());
  }

  @Test
  void plainLineIsExactlyTheDiagnosticFormat() {
    Diagnostic d = at(Severity.ERROR, "schema", "s.yaml", 3, 4, "bad");
    assertEquals(d.format(), TextReport.line(d, Style.plain()));
  }

  @Test
  void summaryCountsWithPlurals() {
    assertEquals(
        "ecs-platform: 5 resources, 0 errors, 0 warnings, 1 suggestion",
        TextReport.summary(
            Reports.loaded("ecs-platform", 5, at(Severity.SUGGESTION, "x", "a.yaml", 1, 1, "m"))));
    assertEquals(
        "one: 1 resource, 1 error, 2 warnings, 0 suggestions",
        TextReport.summary(
            Reports.loaded(
                "one",
                1,
                at(Severity.ERROR, "x", "a.yaml", 1, 1, "m"),
                at(Severity.WARNING, "x", "a.yaml", 2, 1, "m"),
                at(Severity.WARNING, "x", "a.yaml", 3, 1, "m"))));
  }

  @Test
  void summaryOfAStackThatDidNotLoadNamesThePath() {
    assertEquals(
        "stacks/broken: 1 error, 0 warnings, 0 suggestions",
        TextReport.summary(
            Reports.failed("stacks/broken", at(Severity.ERROR, "yaml-syntax", "a.yaml", 1, 1, "m"))));
  }

  @Test
  void colorOnlyWhenWantedAndNotVetoedByTheEnvironment() {
    Diagnostic d = at(Severity.ERROR, "x", "a.yaml", 1, 1, "m");
    String colored = TextReport.line(d, Style.forTerminal(true, Map.of("TERM", "xterm")));
    assertTrue(colored.contains("\u001b[1;31merror\u001b[0m"), colored);
    for (Style style :
        List.of(
            Style.forTerminal(false, Map.of()),
            Style.forTerminal(true, Map.of("NO_COLOR", "1")),
            Style.forTerminal(true, Map.of("TERM", "dumb")))) {
      assertFalse(TextReport.line(d, style).contains("\u001b"));
    }
    assertTrue(Style.forTerminal(true, Map.of("NO_COLOR", "")).enabled(), "empty NO_COLOR is unset");
  }
}

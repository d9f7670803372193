package dev.rolectl.cli.render;

import dev.rolectl.engine.api.CheckReport;
import static dev.rolectl.cli.render.Reports.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class JsonReportTest {

  private static JsonNode write(CheckReport report) throws Exception {
    StringWriter out = new StringWriter();
    JsonReport.write(report, new PrintWriter(out, true));
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void loadedStackWithFindings() throws Exception {
    JsonNode doc =
        write(
            Reports.loaded(
                "platform",
                3,
                at(Severity.WARNING, "passrole-no-condition", "a.yaml", 7, 9, "add a condition"),
                new Diagnostic(Severity.SUGGESTION, "tip", null, Address.role("r0"), "consider")));

    assertEquals(1, doc.get("formatVersion").asInt());
    assertEquals("stacks/platform", doc.get("path").asText());
    assertEquals("platform", doc.get("stack").asText());
    assertEquals(3, doc.get("resources").asInt());
    assertTrue(doc.get("valid").asBoolean());
    assertEquals(0, doc.at("/summary/errors").asInt());
    assertEquals(1, doc.at("/summary/warnings").asInt());
    assertEquals(1, doc.at("/summary/suggestions").asInt());
    JsonNode first = doc.at("/diagnostics/0");
    assertEquals("warning", first.get("severity").asText());
    assertEquals("passrole-no-condition", first.get("rule").asText());
    assertEquals("a.yaml", first.get("file").asText());
    assertEquals(7, first.get("line").asInt());
    assertEquals(9, first.get("column").asInt());
    assertEquals("add a condition", first.get("message").asText());
    assertFalse(first.has("address"));
    JsonNode second = doc.at("/diagnostics/1");
    assertEquals("roles.r0", second.get("address").asText());
    assertFalse(second.has("file"));
  }

  @Test
  void stackThatDidNotLoadIsInvalidAndHasNoName() throws Exception {
    JsonNode doc =
        write(Reports.failed("x.yaml", at(Severity.ERROR, "yaml-syntax", "x.yaml", 2, 1, "bad")));
    assertFalse(doc.get("valid").asBoolean());
    assertFalse(doc.has("stack"));
    assertFalse(doc.has("resources"));
    assertEquals(1, doc.at("/summary/errors").asInt());
  }
}

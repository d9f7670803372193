package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.Severity;
import java.util.Locale;

/**
 * A {@link Diagnostic} in a saved plan: {@code {"severity": "warning", "rule": ..., "file": ...,
 * "line": 1, "column": 1, "address": ..., "message": ...}}; where-fields absent when unknown.
 */
final class DiagnosticJson {
  private DiagnosticJson() {}

  static ObjectNode write(ObjectMapper mapper, Diagnostic d) {
    ObjectNode n = mapper.createObjectNode();
    n.put("severity", d.severity().name().toLowerCase(Locale.ROOT));
    n.put("rule", d.rule());
    if (d.location() != null) {
      n.put("file", d.location().file());
      n.put("line", d.location().line());
      n.put("column", d.location().column());
    }
    if (d.address() != null) {
      n.put("address", d.address().value());
    }
    n.put("message", d.message());
    return n;
  }

  static Diagnostic read(JsonNode n) {
    Severity severity = ResourceJson.named(n, "severity", Severity.values(), ResourceJson::lower);
    Location location =
        n.hasNonNull("file")
            ? new Location(n.path("file").asText(), n.path("line").asInt(1), n.path("column").asInt(1))
            : null;
    Address address = n.hasNonNull("address") ? new Address(n.path("address").asText()) : null;
    if (location == null && address == null) {
      throw new PlanFormatException("a diagnostic names neither a file nor an address");
    }
    return new Diagnostic(
        severity, ResourceJson.text(n, "rule"), location, address, ResourceJson.text(n, "message"));
  }
}

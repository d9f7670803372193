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
import java.net.URI;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SARIF log against the structure SARIF 2.1.0 requires (sarif-schema-2.1.0.json). */
class SarifReportTest {
  private static final List<RuleInfo> RULES =
      List.of(
          new RuleInfo("schema", Severity.ERROR, "Stack file does not match the schema."),
          new RuleInfo("passrole-wildcard", Severity.WARNING, "iam:PassRole on *."),
          new RuleInfo("schema", Severity.ERROR, "listed twice, kept once"));

  private static JsonNode write(CheckReport report, Path root) throws Exception {
    StringWriter out = new StringWriter();
    SarifReport.write(report, RULES, "1.2.3", root, new PrintWriter(out, true));
    return new ObjectMapper().readTree(out.toString());
  }

  @Test
  void logHasTheRequiredStructure(@TempDir Path root) throws Exception {
    String file = root.resolve("stacks/app/roles.yaml").toString();
    CheckReport report =
        Reports.loaded(
            "app",
            2,
            at(Severity.ERROR, "schema", file, 4, 5, "unknown key 'trustPolcy'"),
            at(Severity.WARNING, "passrole-wildcard", file, 12, 9, "PassRole on *"),
            at(Severity.SUGGESTION, "some-new-rule", file, 20, 1, "consider"),
            new Diagnostic(Severity.WARNING, "passrole-wildcard", null, Address.role("r1"), "x"));
    JsonNode log = write(report, root);

    // sarifLog: version (enum "2.1.0") and runs are required; $schema is a URI.
    assertEquals("2.1.0", log.get("version").asText());
    assertTrue(URI.create(log.get("$schema").asText()).isAbsolute());
    assertEquals(1, log.get("runs").size());
    JsonNode run = log.get("runs").get(0);

    // run.tool.driver.name is required.
    JsonNode driver = run.at("/tool/driver");
    assertEquals("rolectl", driver.get("name").asText());
    assertEquals("1.2.3", driver.get("version").asText());
    assertTrue(URI.create(driver.get("informationUri").asText()).isAbsolute());

    // rules: every reportingDescriptor has an id, ids are unique, unknown ids are appended.
    JsonNode rules = driver.get("rules");
    Set<String> ids = new HashSet<>();
    for (JsonNode rule : rules) {
      assertTrue(ids.add(rule.get("id").asText()), "duplicate rule " + rule);
      assertTrue(rule.at("/shortDescription/text").isTextual());
      assertTrue(
          Set.of("none", "note", "warning", "error")
              .contains(rule.at("/defaultConfiguration/level").asText()));
    }
    assertEquals(Set.of("schema", "passrole-wildcard", "some-new-rule"), ids);
    assertEquals("Stack file does not match the schema.", rules.get(0).at("/shortDescription/text").asText());

    // results: message.text required; level in the enum; ruleIndex points at ruleId.
    JsonNode results = run.get("results");
    assertEquals(4, results.size());
    for (JsonNode result : results) {
      assertTrue(result.at("/message/text").isTextual());
      assertTrue(Set.of("none", "note", "warning", "error").contains(result.get("level").asText()));
      int index = result.get("ruleIndex").asInt();
      assertEquals(result.get("ruleId").asText(), rules.get(index).get("id").asText());
    }
    assertEquals("error", results.get(0).get("level").asText());
    assertEquals("warning", results.get(1).get("level").asText());
    assertEquals("note", results.get(2).get("level").asText());

    // physical locations: relative URI with forward slashes under %SRCROOT%, 1-based region.
    JsonNode physical = results.get(0).at("/locations/0/physicalLocation");
    assertEquals("stacks/app/roles.yaml", physical.at("/artifactLocation/uri").asText());
    assertEquals("%SRCROOT%", physical.at("/artifactLocation/uriBaseId").asText());
    assertEquals(4, physical.at("/region/startLine").asInt());
    assertEquals(5, physical.at("/region/startColumn").asInt());
    String srcRoot = run.at("/originalUriBaseIds/%SRCROOT%/uri").asText();
    assertTrue(srcRoot.startsWith("file:") && srcRoot.endsWith("/"), srcRoot);

    // a diagnostic with only an address has a logical location and no physical one.
    JsonNode addressOnly = results.get(3).at("/locations/0");
    assertFalse(addressOnly.has("physicalLocation"));
    assertEquals("roles.r1", addressOnly.at("/logicalLocations/0/fullyQualifiedName").asText());
    assertEquals("resource", addressOnly.at("/logicalLocations/0/kind").asText());
  }

  @Test
  void noFindingsIsAnEmptyResultsArray(@TempDir Path root) throws Exception {
    JsonNode log = write(Reports.loaded("ok", 1), root);
    JsonNode results = log.at("/runs/0/results");
    assertTrue(results.isArray());
    assertEquals(0, results.size());
  }

  @Test
  void relativePathsAreResolvedAgainstTheRootAndEncoded(@TempDir Path root) {
    Path base = root.toAbsolutePath();
    assertEquals(
        "my%20stacks/a.yaml",
        SarifReport.artifact(base.resolve("my stacks/./a.yaml"), base).uri());
    Sarif.ArtifactLocation outside = SarifReport.artifact(Path.of("/elsewhere/b.yaml"), base);
    assertEquals("file:///elsewhere/b.yaml", outside.uri());
    assertEquals(null, outside.uriBaseId());
  }
}

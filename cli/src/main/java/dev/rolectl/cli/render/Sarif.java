package dev.rolectl.cli.render;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import java.util.Map;

/** The subset of SARIF 2.1.0 that rolectl writes, as records (null members are omitted). */
final class Sarif {
  static final String SCHEMA =
      "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json";
  static final String VERSION = "2.1.0";
  static final String SOURCE_ROOT = "%SRCROOT%";

  private Sarif() {}

  record Log(@JsonProperty("$schema") String schema, String version, List<Run> runs) {}

  record Run(
      Tool tool,
      Map<String, ArtifactLocation> originalUriBaseIds,
      List<Result> results,
      List<Invocation> invocations) {}

  record Invocation(boolean executionSuccessful) {}

  record Tool(Driver driver) {}

  record Driver(String name, String version, String informationUri, List<Rule> rules) {}

  record Rule(String id, Message shortDescription, Configuration defaultConfiguration) {}

  record Configuration(String level) {}

  record Message(String text) {}

  record Result(
      String ruleId, int ruleIndex, String level, Message message, List<Location> locations) {}

  record Location(PhysicalLocation physicalLocation, List<LogicalLocation> logicalLocations) {}

  record PhysicalLocation(ArtifactLocation artifactLocation, Region region) {}

  record ArtifactLocation(String uri, String uriBaseId) {}

  record Region(int startLine, int startColumn) {}

  record LogicalLocation(String fullyQualifiedName, String kind) {}
}

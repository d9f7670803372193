package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate and graph on stacks with problems, end to end through the real loader and linter. */
class ValidateCommandTest {
  private static final String HEADER = "apiVersion: rolectl/v1\nstack: t\nroles:\n";

  /** Two roles that trust each other by reference: no cycle (created in two phases). */
  private static final String TRUST_LOOP =
      HEADER
          + "  a:\n"
          + "    trustPolicy:\n"
          + "      Version: \"2012-10-17\"\n"
          + "      Statement:\n"
          + "        - {Effect: Allow, Principal: {AWS: \"${roles.b.arn}\"}, Action: sts:AssumeRole}\n"
          + "  b:\n"
          + "    trustPolicy:\n"
          + "      Version: \"2012-10-17\"\n"
          + "      Statement:\n"
          + "        - {Effect: Allow, Principal: {AWS: \"${roles.a.arn}\"}, Action: sts:AssumeRole}\n";

  /** Two roles whose tags name each other: a dependency cycle. */
  private static final String CYCLE =
      HEADER
          + "  a:\n"
          + "    tags: {peer: \"${roles.b.name}\"}\n"
          + "    trustPolicy:\n"
          + "      Version: \"2012-10-17\"\n"
          + "      Statement:\n"
          + "        - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}\n"
          + "  b:\n"
          + "    tags: {peer: \"${roles.a.name}\"}\n"
          + "    trustPolicy:\n"
          + "      Version: \"2012-10-17\"\n"
          + "      Statement:\n"
          + "        - {Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}\n";

  @Test
  void rolesTrustingEachOtherAreNoCycle(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.run("validate", write(dir, TRUST_LOOP).toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(!r.err().contains("cycle"), r.toString());
  }

  /** A valid role whose inline policy allows with NotAction: a lint warning. */
  private static final String WARNING =
      HEADER
          + "  app:\n"
          + "    trustPolicy:\n"
          + "      Version: \"2012-10-17\"\n"
          + "      Statement:\n"
          + "        - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}\n"
          + "    inlinePolicies:\n"
          + "      broad:\n"
          + "        Version: \"2012-10-17\"\n"
          + "        Statement:\n"
          + "          - {Effect: Allow, NotAction: \"iam:*\", Resource: \"*\"}\n";

  private static Path write(Path dir, String yaml) throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  @Test
  void cycleIsAnErrorWithItsPathAndLocation(@TempDir Path dir) throws Exception {
    Path file = write(dir, CYCLE);
    CliRun r = CliRun.run("validate", file.toString());

    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(
        r.err().startsWith(file + ":4:3: error[cycle]: dependency cycle: roles.a -> roles.b -> roles.a."),
        r.toString());
    assertEquals("t: 2 resources, 1 error, 0 warnings, 0 suggestions\n", r.out());
  }

  @Test
  void graphOfACycleFailsWithTheDiagnosticOnStderr(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.run("graph", write(dir, CYCLE).toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertEquals("", r.out());
    assertTrue(r.err().contains("error[cycle]: dependency cycle: roles.a -> roles.b -> roles.a."), r.err());
  }

  @Test
  void warningsFailOnlyWithStrict(@TempDir Path dir) throws Exception {
    Path file = write(dir, WARNING);

    CliRun relaxed = CliRun.run("validate", file.toString());
    assertEquals(0, relaxed.exitCode(), relaxed.toString());
    assertTrue(relaxed.err().contains(": warning[allow-not-action]: "), relaxed.toString());
    assertTrue(relaxed.out().matches("t: 2 resources, 0 errors, 1 warning, 0 suggestions\\n"), relaxed.out());

    CliRun strict = CliRun.run("validate", file.toString(), "--strict");
    assertEquals(1, strict.exitCode(), strict.toString());
  }

  @Test
  void jsonGoesToStdoutOnly(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.run("validate", write(dir, CYCLE).toString(), "--format", "json");
    assertEquals(1, r.exitCode());
    assertEquals("", r.err());
    JsonNode doc = new ObjectMapper().readTree(r.out());
    assertEquals("t", doc.get("stack").asText());
    assertEquals(false, doc.get("valid").asBoolean());
    assertEquals("cycle", doc.at("/diagnostics/0/rule").asText());
    assertEquals(4, doc.at("/diagnostics/0/line").asInt());
  }

  @Test
  void sarifListsLintRulesAndTheFinding(@TempDir Path dir) throws Exception {
    CliRun r = CliRun.run("validate", write(dir, WARNING).toString(), "--format", "sarif");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.err());
    JsonNode run = new ObjectMapper().readTree(r.out()).at("/runs/0");
    JsonNode rules = run.at("/tool/driver/rules");
    boolean hasLintRule = false;
    boolean hasCycleRule = false;
    for (JsonNode rule : rules) {
      hasLintRule |= rule.get("id").asText().equals("allow-not-action");
      hasCycleRule |= rule.get("id").asText().equals("cycle");
    }
    assertTrue(hasLintRule && hasCycleRule, rules.toString());
    JsonNode result = run.at("/results/0");
    assertEquals("allow-not-action", result.get("ruleId").asText());
    assertEquals("warning", result.get("level").asText());
    assertEquals(
        result.get("ruleId").asText(), rules.get(result.get("ruleIndex").asInt()).get("id").asText());
  }

  @Test
  void accountIdIsUsedForArns() {
    Path team = RepoFiles.root().resolve("examples/service-team");
    CliRun offline = CliRun.run("graph", team.toString(), "--var", "env=dev", "--var", "region=eu-west-1");
    CliRun real =
        CliRun.run(
            "graph", team.toString(), "--var", "env=dev", "--var", "region=eu-west-1",
            "--account-id", "111122223333");
    assertEquals(0, offline.exitCode(), offline.toString());
    assertEquals(0, real.exitCode(), real.toString());
    assertTrue(offline.out().contains("arn:aws:iam::123456789012:policy/orders/orders-read-config"));
    assertTrue(real.out().contains("arn:aws:iam::111122223333:policy/orders/orders-read-config"));
  }

  @Test
  void missingVariableIsReportedNotThrown() {
    Path team = RepoFiles.root().resolve("examples/service-team");
    CliRun r = CliRun.run("validate", team.toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("error[var]") || r.err().contains("error[reference]"), r.err());
    assertTrue(r.err().contains("--var"), r.err());
  }
}

package dev.rolectl.engine.config;

import dev.rolectl.engine.policy.PolicyParser;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several problems are reported together; policy parser problems are located in the file. */
class DiagnosticsTest {
  static final String HEAD = "apiVersion: rolectl/v1\nstack: diag\n";
  static final String TRUST = "    trustPolicy:\n      Statement:\n"
      + "        - {Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: \"sts:AssumeRole\"}\n";

  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void allProblemsOfAStackAreReportedAtOnceInFileOrder() throws IOException {
    Path file = write("many.yaml", HEAD + "roles:\n  a:\n    maxSessionDuration: 10\n"
        + "    description: ${roles.c.arn}\n" + TRUST
        + "  b:\n    colour: red\n" + TRUST
        + "policies:\n  p:\n    document:\n      Statement: {Effect: Permit, Action: \"*\", Resource: \"*\"}\n");
    LoadResult result = StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
    List<String> got = result.diagnostics().stream()
        .map(d -> d.location().line() + ":" + d.location().column() + " " + d.rule())
        .collect(Collectors.toList());
    assertEquals(List.of("5:25 schema", "6:18 reference", "11:5 schema", "18:27 schema"), got);
  }

  @Test
  void policyParserProblemsAreLocatedAtTheirPointer() throws IOException {
    Path file = write("both.yaml", HEAD + "roles:\n  a:\n    trustPolicy:\n      Statement:\n"
        + "        - Effect: Allow\n          Action: sts:AssumeRole\n          NotAction: iam:*\n");
    LoadResult result = StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
    assertEquals(1, result.diagnostics().size(), result.diagnostics().toString());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals(new Location(file.toString(), 9, 22), d.location());
    assertEquals("policy", d.rule());
    assertTrue(d.message().startsWith("roles.a.trustPolicy.Statement[0].NotAction: "), d.message());
    assertTrue(d.message().contains("Action or NotAction"), d.message());
  }

  @Test
  void aFailingPolicyParserBecomesADiagnosticNotAnException() throws IOException {
    Path file = write("ok.yaml", HEAD + "roles:\n  a:\n" + TRUST);
    LoadResult result = StackLoader.load(file, LoadOptions.offline(), tree -> {
      throw new IllegalStateException("boom");
    });
    assertFalse(result.ok());
    assertTrue(result.diagnostics().get(0).message().contains("internal error"));
  }

  @Test
  void thePolicyParserSeesPlainJavaValuesAfterReferenceExpansion() throws IOException {
    Path file = write("tree.yaml", HEAD + "roles:\n  a:\n    trustPolicy:\n"
        + "      Version: 2012-10-17\n      Statement:\n        - Effect: Allow\n"
        + "          Principal: {AWS: \"arn:${aws.partition}:iam::${aws.accountId}:root\"}\n"
        + "          Action: [sts:AssumeRole]\n"
        + "          Condition: {Bool: {aws:SecureTransport: true}, NumericLessThan: {n: 1.5}}\n");
    Object[] seen = new Object[1];
    StackLoader.load(file, LoadOptions.offline(), tree -> {
      seen[0] = tree;
      return PolicyParser.parse(tree);
    });
    assertEquals(Map.of("Version", "2012-10-17", "Statement", List.of(Map.of("Effect", "Allow",
        "Principal", Map.of("AWS", "arn:aws:iam::123456789012:root"),
        "Action", List.of("sts:AssumeRole"),
        "Condition", Map.of("Bool", Map.of("aws:SecureTransport", true),
            "NumericLessThan", Map.of("n", 1.5))))), seen[0]);
  }

  @Test
  void schemaErrorsInADocumentKeepThePolicyParserQuiet() throws IOException {
    Path file = write("quiet.yaml", HEAD + "roles:\n  a:\n    trustPolicy:\n      Statement:\n"
        + "        - Effect: allow\n          Action: sts:AssumeRole\n          NotAction: iam:*\n");
    LoadResult result = StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
    assertEquals(List.of("schema"), result.diagnostics().stream().map(Diagnostic::rule).toList());
  }

  @Test
  void unreadableFilesStopBeforeReferencesSoOtherFilesAreNotBlamed() throws IOException {
    write("a.yaml", HEAD + "roles:\n  a:\n\ttrustPolicy: {}\n");
    write("b.yaml", HEAD + "policies:\n  p:\n    document:\n      Statement:\n"
        + "        - {Effect: Allow, Action: \"iam:PassRole\", Resource: \"${roles.a.arn}\"}\n"
        + "    unknown: 1\n");
    LoadResult result = StackLoader.load(dir, LoadOptions.offline(), PolicyParser::parse);
    assertEquals(List.of("yaml-syntax", "schema"),
        result.diagnostics().stream().map(Diagnostic::rule).toList(), "no reference error in b");
  }
}

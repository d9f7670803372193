package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The corpus of YAML 1.1 pitfalls: every plain scalar that YAML would read as something else than
 * its text, in every kind of place a stack has (policy conditions, principals, resources, Sids,
 * tags, descriptions, numbers, booleans, attachTo names, settings), is refused at its own
 * {@code file:line:col} with a message that says to quote it; and what YAML reads as written
 * (plain {@code true} and {@code 3600}, dates, {@code y}, quoted text, var-file values) loads as
 * written. No input is converted silently.
 */
class PlainScalarsTest {
  @TempDir Path dir;

  /** Where the value {@code @} stands; each template is a whole stack. */
  enum Slot {
    CONDITION(trust("          Condition:\n            StringEquals:\n              sts:ExternalId: @\n")),
    CONDITION_LIST(trust("          Condition:\n            StringLike:\n              s3:ExistingObjectTag/release: [a, @]\n")),
    PRINCIPAL("""
        apiVersion: rolectl/v1
        stack: s
        roles:
          r:
            trustPolicy:
              Version: "2012-10-17"
              Statement:
                - Effect: Allow
                  Principal: {AWS: [@]}
                  Action: sts:AssumeRole
        """),
    RESOURCE(policy("          Resource: [\"arn:aws:s3:::b\", @]\n")),
    SID(policy("          Sid: @\n          Resource: \"*\"\n")),
    TAG(role("    tags: {team: @}\n")),
    STACK_TAG("apiVersion: rolectl/v1\nstack: s\ntags: {team: @}\n"),
    DESCRIPTION(role("    description: @\n")),
    MAX_SESSION(role("    maxSessionDuration: @\n")),
    PROTECT(role("    protect: @\n")),
    ATTACH_TO(policy("          Resource: \"*\"\n    attachTo: {users: [@]}\n")),
    IGNORE_PREFIX("apiVersion: rolectl/v1\nstack: s\nsettings: {ignoreTagPrefixes: [@]}\n");

    final String template;

    Slot(String template) {
      this.template = template;
    }

    private static String trust(String condition) {
      return """
          apiVersion: rolectl/v1
          stack: s
          roles:
            r:
              trustPolicy:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Principal: {AWS: "arn:aws:iam::111122223333:root"}
                    Action: sts:AssumeRole
          """ + condition;
    }

    private static String role(String field) {
      return """
          apiVersion: rolectl/v1
          stack: s
          roles:
            r:
              trustPolicy:
                Version: "2012-10-17"
                Statement:
                  - {Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}
          """ + field;
    }

    private static String policy(String tail) {
      return """
          apiVersion: rolectl/v1
          stack: s
          policies:
            p:
              document:
                Version: "2012-10-17"
                Statement:
                  - Effect: Allow
                    Action: s3:GetObject
          """ + tail;
    }
  }

  static Stream<Arguments> pitfalls() {
    List<Arguments> out = new ArrayList<>();
    // ExternalIds, account ids and version tags that YAML 1.1 turns into other numbers
    for (String v : List.of("00771234", "012345670123", "0x1F", "0o17", "0b101", "1_000", "1:30",
        "+5", "1e3", ".5", "-.5", "1.10", "1.0e2", ".inf")) {
      out.add(Arguments.of(Slot.CONDITION, v));
    }
    // booleans and null that are not written true/false
    for (String v : List.of("yes", "No", "on", "OFF", "True", "FALSE", "~", "null", "Null",
        "NULL")) {
      out.add(Arguments.of(Slot.CONDITION, v));
    }
    out.add(Arguments.of(Slot.CONDITION_LIST, "1.10"));
    out.add(Arguments.of(Slot.CONDITION_LIST, "Yes"));
    out.add(Arguments.of(Slot.PRINCIPAL, "012345670123"));
    out.add(Arguments.of(Slot.PRINCIPAL, "1_0"));
    out.add(Arguments.of(Slot.RESOURCE, "0x00"));
    out.add(Arguments.of(Slot.RESOURCE, "1.50"));
    out.add(Arguments.of(Slot.SID, "007"));
    out.add(Arguments.of(Slot.SID, "no"));
    out.add(Arguments.of(Slot.TAG, "0123"));
    out.add(Arguments.of(Slot.TAG, "yes"));
    out.add(Arguments.of(Slot.TAG, "12:30"));
    out.add(Arguments.of(Slot.STACK_TAG, "012"));
    out.add(Arguments.of(Slot.DESCRIPTION, "1.0e2"));
    out.add(Arguments.of(Slot.DESCRIPTION, "NULL"));
    out.add(Arguments.of(Slot.MAX_SESSION, "0x0E10"));
    out.add(Arguments.of(Slot.MAX_SESSION, "1:00:00"));
    out.add(Arguments.of(Slot.MAX_SESSION, "3_600"));
    out.add(Arguments.of(Slot.MAX_SESSION, "07200"));
    out.add(Arguments.of(Slot.PROTECT, "yes"));
    out.add(Arguments.of(Slot.PROTECT, "off"));
    out.add(Arguments.of(Slot.PROTECT, "On"));
    out.add(Arguments.of(Slot.ATTACH_TO, "0123"));
    out.add(Arguments.of(Slot.ATTACH_TO, "yes"));
    out.add(Arguments.of(Slot.IGNORE_PREFIX, "0777"));
    return out.stream();
  }

  @Test
  void theCorpusHasAtLeastFortyPitfalls() {
    assertTrue(pitfalls().count() >= 40, "pitfalls: " + pitfalls().count());
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("pitfalls")
  void aPitfallIsRefusedWhereItIsWrittenSayingToQuoteIt(Slot slot, String value) throws Exception {
    String text = slot.template.replace("@", value);
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, text);
    LoadResult result = StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
    int at = slot.template.indexOf('@');
    int line = (int) slot.template.substring(0, at).chars().filter(c -> c == '\n').count() + 1;
    int column = at - slot.template.lastIndexOf('\n', at - 1);
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    String all = errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
    assertTrue(result.stack().isEmpty(), "a pitfall must not load: " + value);
    assertTrue(errors.stream().anyMatch(d -> d.rule().equals(PlainScalars.RULE)
            && d.location().line() == line && d.location().column() == column
            && d.message().contains("put it in quotes (\"" + value + "\")")),
        () -> "no yaml-scalar error at " + line + ":" + column + " for " + value + "; got:\n" + all);
    assertTrue(errors.stream().noneMatch(d -> !d.rule().equals(PlainScalars.RULE)
            && d.location().line() == line && d.location().column() == column),
        () -> "a second error at the same place:\n" + all);
  }

  @Test
  void octalExternalIdSaysWhatYamlMakesOfIt() throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, Slot.CONDITION.template.replace("@", "00771234"));
    LoadResult result = StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
    assertEquals("roles.r.trustPolicy.Statement[0].Condition.StringEquals[\"sts:ExternalId\"]: YAML 1.1"
            + " reads unquoted 00771234 as the number 258716 (a leading 0 makes it octal): put it"
            + " in quotes (\"00771234\") to keep it as written, or write 258716 for the number",
        result.diagnostics().get(0).message());
  }

  static Stream<Arguments> asWritten() {
    return Stream.of(
        Arguments.of("true", "true"),
        Arguments.of("false", "false"),
        Arguments.of("3600", "3600"),
        Arguments.of("0", "0"),
        Arguments.of("-1", "-1"),
        Arguments.of("1.5", "1.5"),
        Arguments.of("0.25", "0.25"),
        Arguments.of("y", "y"),
        Arguments.of("n", "n"),
        Arguments.of("0891", "0891"),
        Arguments.of("yEs", "yEs"),
        Arguments.of("2024-01-01", "2024-01-01"),
        Arguments.of("2024-01-01T00:00:00Z", "2024-01-01T00:00:00Z"),
        Arguments.of("\"00771234\"", "00771234"),
        Arguments.of("'1.10'", "1.10"),
        Arguments.of("\"yes\"", "yes"),
        Arguments.of("'~'", "~"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("asWritten")
  void whatYamlReadsAsWrittenLoadsAsWritten(String written, String value) throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, Slot.CONDITION.template.replace("@", written));
    Stack stack = StackLoaderTest.load(file, LoadOptions.offline());
    assertEquals(List.of(value), externalId(stack));
  }

  @Test
  void plainNumbersAndBooleansKeepWorkingWhereIamTakesThem() throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, Slot.MAX_SESSION.template.replace("@", "7200") + "    protect: true\n");
    Role role = StackLoaderTest.load(file, LoadOptions.offline()).resources(Role.class).findFirst().orElseThrow();
    assertEquals(7200, role.maxSessionDuration());
    assertTrue(role.protect());
  }

  @Test
  void varFileValuesAreTextAsWritten() throws Exception {
    Path vars = dir.resolve("vars.yaml");
    Files.writeString(vars, "externalId: 00771234\nrelease: 1.10\nflag: yes\n");
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, Slot.CONDITION.template.replace("@", "\"${var.externalId}\"")
        .replace("StringEquals:", "StringEquals:\n              s3:x: [\"${var.release}\","
            + " \"${var.flag}\"]"));
    Stack stack = StackLoaderTest.load(file, new LoadOptions(Map.of(), List.of(vars),
        LoadOptions.PLACEHOLDER_ACCOUNT_ID, LoadOptions.DEFAULT_PARTITION));
    assertEquals(List.of("00771234"), externalId(stack));
    assertEquals(List.of("1.10", "yes"), condition(stack).get("s3:x"));
  }

  private static List<String> externalId(Stack stack) {
    return condition(stack).get("sts:ExternalId");
  }

  private static Map<String, List<String>> condition(Stack stack) {
    Role role = stack.resources(Role.class).findFirst().orElseThrow();
    return role.trustPolicy().statements().get(0).condition().get("StringEquals");
  }
}

package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.PolicyEquivalence;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code rolectl import} writes (StackWriter) loads back into the same roles. */
class StackWriterRoundTripTest {
  @TempDir Path dir;

  @Test
  void writtenRolesLoadBackUnchangedAndAdopted() throws Exception {
    Stack original = StackLoader.load(StackLoaderTest.stacks("refs/stack.yaml"),
        new LoadOptions(Map.of("env", "prod", "team", "ops"), List.of(),
            LoadOptions.PLACEHOLDER_ACCOUNT_ID, "aws")).stack().orElseThrow();
    List<Resource> roleParts = original.resources().stream()
        .filter(r -> r instanceof Role || r instanceof RolePolicyAttachment
            || r instanceof InlinePolicy)
        .collect(Collectors.toList());
    Path written = dir.resolve("imported.yaml");
    Files.writeString(written, StackWriter.write("imported", "../schemas/stack.schema.json",
        roleParts));

    LoadResult result = StackLoader.load(written, LoadOptions.offline());
    assertTrue(result.ok(), () -> result.diagnostics().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n")));
    Stack loaded = result.stack().orElseThrow();
    for (Role before : original.resources(Role.class).toList()) {
      Role after = (Role) loaded.find(before.address()).orElseThrow();
      assertEquals(before.path(), after.path());
      assertEquals(before.description(), after.description());
      assertEquals(before.maxSessionDuration(), after.maxSessionDuration());
      assertEquals(before.permissionsBoundary(), after.permissionsBoundary());
      assertEquals(before.tags(), after.tags());
      assertTrue(after.adopt());
      assertTrue(PolicyEquivalence.equivalent(before.trustPolicy(), after.trustPolicy()),
          before.name());
    }
    assertEquals(addresses(original, RolePolicyAttachment.class),
        addresses(loaded, RolePolicyAttachment.class));
    for (InlinePolicy before : original.resources(InlinePolicy.class).toList()) {
      InlinePolicy after = (InlinePolicy) loaded.find(before.address()).orElseThrow();
      assertTrue(PolicyEquivalence.equivalent(before.document(), after.document()));
    }
  }

  private static List<String> addresses(Stack stack, Class<? extends Resource> type) {
    return stack.resources(type).map(r -> r.address().value()).sorted().toList();
  }

  /** A live role protected by its tag is written with protect: true, not the reserved tag. */
  @Test
  void rolectlsOwnTagsAreWrittenAsWhatTheyMean() throws Exception {
    Stack original = StackLoader.load(StackLoaderTest.stacks("refs/stack.yaml"),
        new LoadOptions(Map.of("env", "prod", "team", "ops"), List.of(),
            LoadOptions.PLACEHOLDER_ACCOUNT_ID, "aws")).stack().orElseThrow();
    Role r = original.resources(Role.class).findFirst().orElseThrow();
    Map<String, String> tags = new java.util.HashMap<>(r.tags());
    tags.put(Stack.PROTECT_TAG, "true");
    tags.put(Stack.OWNER_TAG, "old-stack");
    tags.put("Rolectl:Other", "x");
    Role live = new Role(r.address(), r.location(), r.name(), r.path(), r.description(),
        r.maxSessionDuration(), r.trustPolicy(), r.permissionsBoundary(), tags,
        r.ecsInfrastructure(), false, false, r.dependsOn());
    Path written = dir.resolve("protected.yaml");
    Files.writeString(written, StackWriter.write("imported", null, List.of(live)));

    LoadResult result = StackLoader.load(written, LoadOptions.offline());
    assertTrue(result.ok(), () -> result.diagnostics().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n")) + "\n" + written);
    Role loaded = result.stack().orElseThrow().resources(Role.class).findFirst().orElseThrow();
    assertTrue(loaded.protect(), "protect: true");
    assertEquals(r.tags(), loaded.tags(), "no rolectl: tag is written");
  }

  @Test
  void theWriterKeepsIamPolicyVariablesLiteral() throws Exception {
    Path written = dir.resolve("vars.yaml");
    Stack original = StackLoader.load(StackLoaderTest.stacks("refs/stack.yaml"),
        new LoadOptions(Map.of("env", "prod", "team", "ops"), List.of(),
            LoadOptions.PLACEHOLDER_ACCOUNT_ID, "aws")).stack().orElseThrow();
    Files.writeString(written, StackWriter.write("x", null, original.resources().stream()
        .filter(r -> r instanceof Role).collect(Collectors.toList())));
    assertTrue(Files.readString(written).contains("${aws:username}"));
    assertTrue(StackLoader.load(written, LoadOptions.offline()).ok());
  }
}

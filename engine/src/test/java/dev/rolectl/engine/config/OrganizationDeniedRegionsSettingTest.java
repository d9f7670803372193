package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code settings.ecs.organizationDeniedRegions}: region codes or {@code *}, checked by the schema. */
class OrganizationDeniedRegionsSettingTest {
  @TempDir Path dir;

  private LoadResult load(String regions) throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, "apiVersion: rolectl/v1\nstack: s\nsettings:\n  ecs:\n"
        + "    organizationDeniedRegions: " + regions + "\n");
    return StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
  }

  @Test
  void regionsAndTheWildcardAreRead() throws Exception {
    LoadResult named = load("[ap-east-1, me-south-1]");
    assertEquals(List.of(), named.diagnostics());
    assertEquals(List.of("ap-east-1", "me-south-1"),
        named.stack().orElseThrow().settings().organizationDeniedRegions());
    assertEquals(List.of("*"), load("[\"*\"]").stack().orElseThrow().settings()
        .organizationDeniedRegions());
  }

  @Test
  void somethingElseIsAnErrorWithItsLocation() throws Exception {
    LoadResult bad = load("[ap-east-1, everywhere]");
    assertEquals(1, bad.diagnostics().size(), bad.diagnostics()::toString);
    String d = bad.diagnostics().get(0).format();
    assertTrue(d.contains("stack.yaml:5:") && d.contains("everywhere"), d);
  }
}

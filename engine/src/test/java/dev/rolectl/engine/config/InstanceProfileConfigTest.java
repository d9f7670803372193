package dev.rolectl.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code instanceProfile:} of a role: true, false, or a name and path; the schema's checks. */
class InstanceProfileConfigTest {
  @TempDir Path dir;

  private LoadResult load(String profile) throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, "apiVersion: rolectl/v1\nstack: hosts\ntags: {team: web}\nroles:\n"
        + "  web:\n    trustPolicy:\n      Version: \"2012-10-17\"\n      Statement:\n"
        + "        - Effect: Allow\n          Principal: {Service: ec2.amazonaws.com}\n"
        + "          Action: sts:AssumeRole\n    tags: {app: web}\n"
        + (profile == null ? "" : "    instanceProfile: " + profile + "\n"));
    return StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
  }

  private List<InstanceProfile> profiles(String profile) throws Exception {
    LoadResult r = load(profile);
    assertTrue(r.ok(), () -> r.diagnostics().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n")));
    Stack stack = r.stack().orElseThrow();
    return stack.resources(InstanceProfile.class).toList();
  }

  @Test
  void trueDeclaresAProfileNamedAsTheRoleAtTheRootPathTaggedAsTheRole() throws Exception {
    InstanceProfile p = profiles("true").get(0);
    assertEquals(Address.instanceProfile("web"), p.address());
    assertEquals("roles.web.instanceProfile", p.address().value());
    assertEquals("web", p.name());
    assertEquals("/", p.path());
    assertEquals("web", p.roleName());
    assertEquals(Map.of("team", "web", "app", "web"), p.tags());
    assertEquals(Set.of(Address.role("web")), p.dependsOn());
    assertEquals(13, p.location().line());
  }

  @Test
  void aNameAndPath() throws Exception {
    InstanceProfile p = profiles("{name: web-hosts, path: /ec2/}").get(0);
    assertEquals("web-hosts", p.name());
    assertEquals("/ec2/", p.path());
    assertEquals("/", profiles("{name: other}").get(0).path());
    assertEquals("web", profiles("{path: /ec2/}").get(0).name());
  }

  @Test
  void falseOrAbsentDeclaresNone() throws Exception {
    assertEquals(List.of(), profiles("false"));
    assertEquals(List.of(), profiles(null));
  }

  @Test
  void theSchemaRefusesWhatIamWouldWithALocation() throws Exception {
    for (String bad : List.of("{name: \"two words\"}", "{path: ec2}", "{size: 1}", "yes please")) {
      LoadResult r = load(bad);
      assertFalse(r.ok(), bad);
      String all = r.diagnostics().stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
      assertTrue(all.contains("stack.yaml:13:"), bad + ": " + all);
    }
  }

  @Test
  void twoRolesCannotDeclareOneProfileAndTheGraphHasTheProfileAfterItsRole() throws Exception {
    Path file = dir.resolve("two.yaml");
    String role = "    trustPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow,"
        + " Principal: {Service: ec2.amazonaws.com}, Action: \"sts:AssumeRole\"}]}\n";
    Files.writeString(file, "apiVersion: rolectl/v1\nstack: hosts\nroles:\n  a:\n" + role
        + "    instanceProfile: {name: shared}\n  b:\n" + role
        + "    instanceProfile: {name: Shared}\n");
    LoadResult r = StackLoader.load(file, LoadOptions.offline(), PolicyParser::parse);
    var graph = dev.rolectl.engine.graph.GraphBuilder.build(r.stack().orElseThrow());
    String all = graph.diagnostics().stream().map(Diagnostic::format)
        .collect(Collectors.joining("\n"));
    assertFalse(graph.ok(), all);
    assertTrue(all.contains("roles.b.instanceProfile and roles.a.instanceProfile")
        && all.contains("declare the same instance profile"), all);

    LoadResult one = load("true");
    var ok = dev.rolectl.engine.graph.GraphBuilder.build(one.stack().orElseThrow());
    assertTrue(ok.ok(), ok.diagnostics()::toString);
  }
}

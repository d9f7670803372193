package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every stack under examples/ validates (with each of its var files) and graphs. */
class ExamplesTest {

  private static List<List<String>> invocations() {
    List<List<String>> all = new ArrayList<>();
    for (Path dir : RepoFiles.exampleDirs()) {
      List<Path> varFiles = RepoFiles.varFiles(dir);
      if (varFiles.isEmpty()) {
        all.add(List.of(dir.toString()));
      }
      for (Path vars : varFiles) {
        all.add(List.of(dir.toString(), "--var-file", vars.toString()));
      }
    }
    return all;
  }

  @Test
  void thereAreAtLeastThreeExamples() {
    assertTrue(RepoFiles.exampleDirs().size() >= 3, RepoFiles.exampleDirs().toString());
  }

  @TestFactory
  Stream<DynamicTest> everyExampleValidatesWithNothingAboveASuggestion() {
    return invocations().stream()
        .map(
            args ->
                DynamicTest.dynamicTest(
                    "validate " + String.join(" ", args),
                    () -> {
                      List<String> argv = new ArrayList<>(List.of("validate"));
                      argv.addAll(args);
                      CliRun r = CliRun.run(argv.toArray(String[]::new));
                      assertEquals(0, r.exitCode(), r.toString());
                      assertTrue(
                          r.out().matches(
                              "[\\w.-]+: \\d+ resources, 0 errors, 0 warnings, \\d+ suggestions?\\n"),
                          r.toString());
                      assertFalse(r.err().contains("error["), r.toString());
                      assertFalse(r.err().contains("warning["), r.toString());
                    }));
  }

  @TestFactory
  Stream<DynamicTest> everyExampleGraphs() {
    return invocations().stream()
        .map(
            args ->
                DynamicTest.dynamicTest(
                    "graph " + String.join(" ", args),
                    () -> {
                      List<String> argv = new ArrayList<>(List.of("graph"));
                      argv.addAll(args);
                      CliRun r = CliRun.run(argv.toArray(String[]::new));
                      assertEquals(0, r.exitCode(), r.toString());
                      assertEquals("", r.err());
                      assertTrue(r.out().startsWith("strict digraph \""), r.out());
                      assertTrue(r.out().contains("\"roles."), r.out());
                    }));
  }

  @Test
  void readmeStackExampleValidates(@TempDir Path dir) throws Exception {
    String readme = Files.readString(RepoFiles.root().resolve("README.md"));
    int start = readme.indexOf("```yaml\n");
    assertTrue(start >= 0, "README has a yaml example");
    String yaml = readme.substring(start + 8, readme.indexOf("```", start + 8));
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, yaml);
    CliRun r = CliRun.run("validate", file.toString());
    assertEquals(0, r.exitCode(), r.toString());
    assertFalse(r.err().contains("error["), r.toString());
    assertFalse(r.err().contains("warning["), r.toString());
  }

  @Test
  void ecsExampleIsTheGuidesRoleAndItsPassRoleGrant() {
    Path ecs = RepoFiles.root().resolve("examples/ecs-blue-green");
    CliRun r = CliRun.run("graph", ecs.toString());
    assertEquals(0, r.exitCode(), r.toString());
    for (String address :
        List.of(
            "\"roles.ecsInfrastructureRoleForLoadBalancers\"",
            "\"roles.ecsInfrastructureRoleForLoadBalancers.managedPolicies[\\\"arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers\\\"]\"",
            "\"policies.passEcsInfrastructureRole\"",
            "\"policies.passEcsInfrastructureRole.attachTo.users.deployer\"")) {
      assertTrue(r.out().contains(address), address + " in\n" + r.out());
    }
    // The PassRole grant names the role's ARN in its Resource only: that orders nothing (IAM
    // does not look it up), so the policy does not depend on the role.
    assertTrue(
        !r.out().contains(
            "\"policies.passEcsInfrastructureRole\" -> \"roles.ecsInfrastructureRoleForLoadBalancers\""),
        r.out());
    assertTrue(r.out().contains("\"policies.passEcsInfrastructureRole.attachTo.users.deployer\""
        + " -> \"policies.passEcsInfrastructureRole\""), r.out());
  }
}

package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** import, snapshot, show and saved plans through the CLI, on file targets. */
class ImportSnapshotShowTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final String DRIFT = "snapshot:" + GOLDEN.resolve("drift/account.json");

  @TempDir Path dir;

  @Test
  void importedRolesValidateAndPlanAsAdoptionsWithNothingElse() throws IOException {
    // the guide's role exactly as the guide creates it, untagged, among others
    Path account = GOLDEN.resolve("adopt/account.json");
    Path out = dir.resolve("imported.yaml");

    CliRun imported =
        CliRun.run(
            "import", "ecsInfrastructureRoleForLoadBalancers", "--stack", "platform",
            "--target", "snapshot:" + account, "--out", out.toString());

    assertEquals(0, imported.exitCode(), imported::toString);
    String yaml = Files.readString(out);
    assertTrue(yaml.contains("adopt: true"), yaml);
    CliRun validate = CliRun.run("validate", out.toString(), "--account-id", "111122223333");
    assertEquals(0, validate.exitCode(), validate::toString);
    assertTrue(validate.err().isEmpty(), "no finding at all: " + validate);
    CliRun plan = CliRun.run("plan", out.toString(), "--target", "snapshot:" + account);
    assertEquals(0, plan.exitCode(), plan::toString);
    assertTrue(
        plan.out().contains("Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 1 to adopt; 1 unchanged."),
        plan::toString);
    assertTrue(plan.out().contains("+ tags.rolectl:stack = \"platform\"\n    }"), "only the tag: " + plan);
  }

  @Test
  void importOfAMissingRoleSaysSo() {
    CliRun run = CliRun.run("import", "nope", "--target", DRIFT);

    assertEquals(1, run.exitCode());
    assertTrue(run.err().startsWith("error: no role named 'nope' in account 111122223333"), run::toString);
    assertTrue(!run.err().contains("Exception"), run::toString);
  }

  @Test
  void aSnapshotPlansLikeTheAccountItWasTakenFrom() {
    Path snap = dir.resolve("snap.json");
    CliRun taken = CliRun.run("snapshot", "--target", DRIFT, "--out", snap.toString());
    assertEquals(0, taken.exitCode(), taken::toString);

    CliRun fromOriginal = CliRun.run("plan", GOLDEN.resolve("stack.yaml").toString(), "--target", DRIFT);
    CliRun fromSnapshot =
        CliRun.run("plan", GOLDEN.resolve("stack.yaml").toString(), "--target", "snapshot:" + snap);

    assertEquals(fromOriginal.exitCode(), fromSnapshot.exitCode());
    assertEquals(body(fromOriginal.out()), body(fromSnapshot.out()));
  }

  @Test
  void aSavedPlanShowsLikeThePlanItself() {
    Path saved = dir.resolve("plan.json");
    CliRun plan =
        CliRun.run("plan", GOLDEN.resolve("stack.yaml").toString(), "--target", DRIFT, "--out", saved.toString());

    CliRun show = CliRun.run("show", saved.toString());

    assertEquals(0, show.exitCode(), show::toString);
    assertEquals(plan.out(), show.out());
  }

  @Test
  void aCorruptPlanFileIsAClearError() throws IOException {
    Path bad = dir.resolve("plan.json");
    Files.writeString(bad, "{\"formatVersion\": 1, \"stack\": ");

    CliRun show = CliRun.run("show", bad.toString());

    assertEquals(1, show.exitCode());
    assertTrue(show.err().startsWith("error: " + bad + ": the plan ends too early at line 1"), show::toString);
  }

  @Test
  void aStackPinnedToAnotherAccountIsRefused() throws IOException {
    Path stack = dir.resolve("pinned.yaml");
    Files.writeString(
        stack,
        Files.readString(GOLDEN.resolve("stack.yaml")).replace("stack: golden\n", "stack: golden\naccount: \"999988887777\"\n"));

    CliRun run = CliRun.run("plan", stack.toString(), "--target", DRIFT);

    assertEquals(1, run.exitCode(), run::toString);
    assertTrue(run.err().contains("999988887777"), run::toString);
    assertTrue(run.err().contains("111122223333"), run::toString);
    assertEquals("", run.out());
  }

  @Test
  void planOfTheExampleOnAnEmptyLocalAccountCreatesEverything() {
    CliRun run =
        CliRun.run(
            Map.of("ROLECTL_TARGET", "local:" + dir.resolve("none.json")),
            "plan", RepoFiles.root().resolve("examples/ecs-blue-green").toString(), "--detailed-exitcode");

    assertEquals(2, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Plan: 4 to create"), run::toString);
  }

  private static String body(String out) {
    return out.substring(out.indexOf('\n') + 1);
  }
}

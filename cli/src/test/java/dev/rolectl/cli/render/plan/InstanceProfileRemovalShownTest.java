package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A plan that deletes or replaces a role in instance profiles names every profile the role
 * leaves, declared (a resource of the stack) or made by hand, in text, Markdown and JSON; and a
 * declared profile's own removal is shown. The case of the golden files {@code
 * golden/instance-profiles}: role {@code old} (in its own profile {@code old}, tagged with the
 * stack, and in {@code old-by-hand}) is deleted.
 */
class InstanceProfileRemovalShownTest {
  private static final Path CASE = Path.of("src/test/resources/golden/instance-profiles");

  private static CliRun plan(Path account, String format) {
    return CliRun.run(Map.of(), "plan", CASE.resolve("stack.yaml").toString(), "--target",
        "snapshot:" + account, "--format", format);
  }

  @Test
  void everyFormatSaysWhichProfilesTheDeletedRoleLeaves() {
    for (String format : List.of("text", "markdown", "json")) {
      CliRun run = plan(CASE.resolve("account.json"), format);
      assertEquals(0, run.exitCode(), run::toString);
      String out = run.out();
      assertTrue(out.contains("Removed from instance profiles old, old-by-hand"),
          format + ": the undeclared profile old-by-hand is named:\n" + out);
      assertTrue(out.contains("Removed from instance profile old:"),
          format + ": the declared profile's own removal is named:\n" + out);
      assertTrue(out.contains("roles.old.instanceProfile"), format + ":\n" + out);
    }
  }

  @Test
  void withoutEc2ReadTheRemovalIsBlockedAndStillNamed(@TempDir Path dir) throws Exception {
    String json = Files.readString(CASE.resolve("account.json"));
    String withoutEc2 = json.substring(0, json.indexOf(",\n  \"ec2\"")) + "\n}\n";
    Path account = dir.resolve("account.json");
    Files.writeString(account, withoutEc2);
    CliRun run = plan(account, "text");
    assertEquals(3, run.exitCode(), run::toString);
    assertTrue(run.out().contains("Removed from instance profiles old, old-by-hand"), run::toString);
    assertTrue(run.out().contains("BLOCKED"), run::toString);
  }
}

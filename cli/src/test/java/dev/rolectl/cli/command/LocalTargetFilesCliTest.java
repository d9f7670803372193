package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.RepoFiles;
import dev.rolectl.cli.TestCli;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code local:} target's file checks through the real CLI (issue 16): a symbolic link
 * planted at {@code FILE.lock} in a shared folder does not empty the file it points to; a saved
 * plan naming a missing folder does not make it; a target that is a directory, a named pipe or
 * JSON that is not an account file is refused before any lock file is made, at once.
 */
class LocalTargetFilesCliTest {
  static final String STACK =
      RepoFiles.root().resolve("examples/ecs-blue-green/stack.yaml").toString();

  @TempDir Path dir;

  @Test
  void aLinkPlantedAtTheLockDoesNotEmptyTheFileItPointsTo() throws IOException {
    Path victim = Files.writeString(dir.resolve("someone-elses-notes.txt"), "do not lose this\n");
    Path account = dir.resolve("account.json");
    Path lock = Files.createSymbolicLink(dir.resolve("account.json.lock"), victim);
    TestCli.Run r = TestCli.run(Map.of(), "apply", STACK, "--target", "local:" + account,
        "--auto-approve");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(lock + " is a symbolic link; rolectl does not follow it"),
        r::toString);
    assertEquals("do not lose this\n", Files.readString(victim));
    assertTrue(Files.isSymbolicLink(lock));
    assertFalse(Files.exists(account), "nothing applied");
  }

  @Test
  void aSavedPlanNamingAMissingFolderDoesNotMakeIt() throws IOException {
    Path plan = dir.resolve("plan.json");
    TestCli.Run made = TestCli.run(Map.of(), "plan", STACK, "--target",
        "local:" + dir.resolve("account.json"), "--out", plan.toString());
    assertEquals(0, made.exit(), made::toString);
    Path missing = dir.resolve("no-such-folder");
    Files.writeString(plan, Files.readString(plan).replace(dir.resolve("account.json").toString(),
        missing.resolve("account.json").toString()));

    TestCli.Run r = TestCli.run(Map.of(), "apply", plan.toString());

    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains("the folder " + missing + " does not exist, and rolectl makes no"
        + " folder for an account file"), r::toString);
    assertFalse(Files.exists(missing, LinkOption.NOFOLLOW_LINKS), "no folder made");
    assertEquals(List.of("plan.json"), names(dir));
  }

  @Test
  void aDirectoryAsTheTargetIsRefusedWithoutALock() throws IOException {
    Path target = Files.createDirectories(dir.resolve("account.json"));
    for (String command : List.of("plan", "apply")) {
      TestCli.Run r = TestCli.run(Map.of(), args(command, "local:" + target));
      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.err().contains(target + ":1:1: the account file is a directory"), r::toString);
      assertEquals(List.of("account.json"), names(dir), command);
    }
  }

  @Test
  void aNamedPipeAsTheTargetIsRefusedAtOnceWithoutALock() throws Exception {
    Path fifo = dir.resolve("account.json");
    try {
      assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    } catch (IOException e) {
      Assumptions.abort("mkfifo is not installed here: the named pipe case is not checked");
    }
    for (String command : List.of("plan", "apply")) {
      for (String target : command.equals("apply") ? List.of("local:")
          : List.of("local:", "snapshot:")) {
        TestCli.Run r = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> TestCli.run(
            Map.of(), args(command, target + fifo)));
        assertEquals(1, r.exit(), r::toString);
        assertTrue(r.err().contains(fifo + ":1:1: the account file is not a regular file (a named"
            + " pipe, a device or a socket)"), r::toString);
        assertEquals(List.of("account.json"), names(dir), command + " " + target);
      }
    }
  }

  @Test
  void jsonThatIsNotAnAccountFileIsLeftAsItIsWithoutALock() throws IOException {
    String pkg = "{\n  \"name\": \"web\",\n  \"private\": true\n}\n";
    Path file = Files.writeString(dir.resolve("package.json"), pkg);
    TestCli.Run r = TestCli.run(Map.of(), "apply", STACK, "--target", "local:" + file,
        "--auto-approve");
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(file + ":1:1: the file is JSON but not an account file"),
        r::toString);
    assertEquals(pkg, Files.readString(file));
    assertEquals(List.of("package.json"), names(dir));
  }

  private static String[] args(String command, String target) {
    return command.equals("apply")
        ? new String[] {"apply", STACK, "--target", target, "--auto-approve"}
        : new String[] {"plan", STACK, "--target", target};
  }

  private static List<String> names(Path dir) throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }
}

package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.RepoFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * validate and graph never load a class of the AWS SDK (it costs a second of startup). Runs the
 * CLI in a fresh JVM with {@code -verbose:class} on the test class path and reads what it loaded.
 */
class NoAwsOnOfflineCommandsTest {

  private static String loadedClasses(Path log, String... args) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> command =
        new java.util.ArrayList<>(
            List.of(
                java,
                "-Xshare:off",
                "-Xlog:class+load=info:file=" + log,
                "-cp",
                System.getProperty("java.class.path"),
                "dev.rolectl.cli.Main"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.resolveSibling("output.txt").toFile())
            .start();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "rolectl did not finish");
    String output = Files.readString(log.resolveSibling("output.txt"), StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    return Files.readString(log, StandardCharsets.UTF_8);
  }

  @Test
  void validateAndGraphLoadNoAwsSdkClass(@TempDir Path dir) throws Exception {
    String example = RepoFiles.root().resolve("examples/ecs-blue-green").toString();
    for (String command : List.of("validate", "graph")) {
      String classes = loadedClasses(dir.resolve(command + ".log"), command, example);
      // The log is real: it lists the command class that ran.
      assertTrue(
          classes.contains("dev.rolectl.cli.command." + (command.equals("validate") ? "Validate" : "Graph") + "Command"),
          "class loading was not logged");
      assertTrue(
          !classes.contains("software.amazon.awssdk"),
          command + " loaded AWS SDK classes: "
              + classes.lines().filter(l -> l.contains("software.amazon.awssdk")).limit(5).toList());
    }
  }
}

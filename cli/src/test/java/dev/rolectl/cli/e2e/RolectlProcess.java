package dev.rolectl.cli.e2e;

import dev.rolectl.cli.CliRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real CLI (the shaded jar the package phase built) as a child process, the way a user
 * does, with its own environment.
 */
public final class RolectlProcess {
  private static final long TIMEOUT_SECONDS = 120;

  private RolectlProcess() {}

  /** The jar built by the package phase (failsafe runs after it). */
  public static Path jar() {
    Path jar = Path.of(System.getProperty("rolectl.jar", "target/rolectl.jar"));
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(jar + " is missing: run the tests with 'mvn verify'");
    }
    return jar;
  }

  /** Starts rolectl without waiting for it; its stderr goes to {@code errFile}. */
  public static Process start(Path workDir, Map<String, String> env, Path errFile, String... args) {
    return startCommand(workDir, env, errFile, javaCommand(args));
  }

  /** {@code java -jar rolectl.jar ARGS}. */
  private static List<String> javaCommand(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-jar");
    command.add(jar().toAbsolutePath().toString());
    command.addAll(List.of(args));
    return command;
  }

  /**
   * Starts any command (a launcher script, say) like rolectl: no AWS_ or ROLECTL_TARGET variables
   * from this JVM, NO_COLOR, then {@code env}.
   */
  static Process startCommand(Path workDir, Map<String, String> env, Path errFile, List<String> command) {
    ProcessBuilder pb =
        new ProcessBuilder(command).directory(workDir.toFile()).redirectError(errFile.toFile());
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_") || k.equals("ROLECTL_TARGET"));
    pb.environment().put("NO_COLOR", "1");
    pb.environment().putAll(env);
    try {
      return pb.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs rolectl to the end and captures its output. */
  public static CliRun run(Path workDir, Map<String, String> env, String... args) {
    return runCommand(workDir, env, javaCommand(args));
  }

  /** Runs any command to the end (see {@link #startCommand}) and captures its output. */
  static CliRun runCommand(Path workDir, Map<String, String> env, List<String> command) {
    String[] args = command.toArray(new String[0]);
    try {
      Path errFile = Files.createTempFile("rolectl-err", ".txt");
      Process p = startCommand(workDir, env, errFile, command);
      p.getOutputStream().close();
      String stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new AssertionError("rolectl " + String.join(" ", args) + " did not finish");
      }
      String stderr = Files.readString(errFile, StandardCharsets.UTF_8);
      Files.deleteIfExists(errFile);
      return new CliRun(p.exitValue(), stdout, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }
}

package dev.rolectl.cli.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The real CLI as a child process: {@code java -jar cli/target/rolectl.jar ...} (the shaded jar
 * that the package phase builds, before failsafe runs), its output collected line by line.
 */
final class ChildCli {
  static final Path JAR = Path.of("target", "rolectl.jar");

  final Process process;
  final List<String> lines = Collections.synchronizedList(new ArrayList<>());
  private final CountDownLatch matched = new CountDownLatch(1);
  private final Thread reader;

  private ChildCli(Process process, Predicate<String> signal) {
    this.process = process;
    this.reader = new Thread(() -> read(signal), "child-cli-output");
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code rolectl ARGS} with the environment (nothing of this JVM's AWS settings). */
  static ChildCli start(Map<String, String> env, Predicate<String> signal, String... args) {
    return start(List.of(), env, signal, args);
  }

  /**
   * As {@link #start(Map, Predicate, String...)}, with SIGHUP ignored from the start (as {@code
   * nohup} leaves it) or at its default whatever this JVM inherited: {@code python3} sets it and
   * then becomes the JVM ({@code execv}, same pid).
   */
  static ChildCli startWithHangup(boolean ignored, Map<String, String> env,
      Predicate<String> signal, String... args) {
    return start(List.of("python3", "-c", "import os, signal, sys; signal.signal(signal.SIGHUP,"
        + " signal." + (ignored ? "SIG_IGN" : "SIG_DFL") + "); os.execv(sys.argv[1], sys.argv[1:])"),
        env, signal, args);
  }

  private static ChildCli start(List<String> prefix, Map<String, String> env,
      Predicate<String> signal, String... args) {
    if (!Files.isRegularFile(JAR)) {
      throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run through mvn verify (package builds it)");
    }
    List<String> cmd = new ArrayList<>(prefix);
    cmd.addAll(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto", "-jar", JAR.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    pb.environment().keySet().removeIf(k -> k.startsWith("AWS_"));
    pb.environment().putAll(env);
    try {
      return new ChildCli(pb.start(), signal);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void read(Predicate<String> signal) {
    try (BufferedReader r =
        new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        lines.add(line);
        if (signal.test(line)) {
          matched.countDown();
        }
      }
    } catch (IOException e) {
      // killed
    } finally {
      matched.countDown();
    }
  }

  /** Waits for the first line the signal matches (or the end of the output). */
  boolean awaitSignal(Duration timeout) throws InterruptedException {
    return matched.await(timeout.toMillis(), TimeUnit.MILLISECONDS) && process.isAlive();
  }

  /**
   * Sends a signal by name ({@code INT}, {@code TERM}, {@code HUP}) through {@code kill}, not
   * {@code Process.destroy()}, which also closes our end of its output.
   */
  void signal(String name) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + name, String.valueOf(process.pid())).start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + name + " " + process.pid() + " failed");
    }
  }

  /** SIGKILL; returns whether it was still running. */
  boolean kill() throws InterruptedException {
    boolean alive = process.isAlive();
    process.destroyForcibly();
    process.waitFor(10, TimeUnit.SECONDS);
    reader.join(2000);
    return alive;
  }

  int waitFor(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child rolectl did not finish within " + timeout + ":\n" + output());
    }
    reader.join(2000);
    return process.exitValue();
  }

  String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** The lines of the output that are JSON objects ({@code --format json}), parsed. */
  List<com.fasterxml.jackson.databind.JsonNode> jsonLines() throws IOException {
    com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
    List<com.fasterxml.jackson.databind.JsonNode> parsed = new ArrayList<>();
    for (String line : output().split("\n")) {
      if (line.startsWith("{")) {
        parsed.add(json.readTree(line));
      }
    }
    return parsed;
  }
}

package dev.rolectl.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A running moto_server process on a free loopback port; closing it stops the process. */
final class MotoProcess implements AutoCloseable {
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  private final Process process;
  private final URI endpoint;
  private final Path log;
  private final Thread shutdownHook;
  private final Moto handle;

  private MotoProcess(Process process, URI endpoint, Path log) {
    this.process = process;
    this.endpoint = endpoint;
    this.log = log;
    this.shutdownHook = new Thread(this::stop, "moto-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    this.handle = new Moto(endpoint, this::reset);
  }

  /**
   * Starts moto_server through {@code cli/src/test/moto/moto_server_ecs_strict.py}, which makes
   * moto's ECS answer operations it does not implement as AWS answers an unknown operation (HTTP
   * 400 {@code UnknownOperationException}) instead of a bare HTTP 500; see that file.
   */
  static MotoProcess start(Map<String, String> env) {
    Path server = MotoInstall.ensureInstalled();
    Path python = server.resolveSibling("python");
    Path launcher =
        MotoInstall.requirements().resolveSibling("moto_server_ecs_strict.py");
    Path logs = Path.of(System.getProperty("moto.logs", "target/moto-logs")).toAbsolutePath();
    IllegalStateException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      int port = freePort();
      try {
        Files.createDirectories(logs);
        Path log = logs.resolve("moto-" + port + ".log");
        ProcessBuilder pb =
            new ProcessBuilder(
                    List.of(
                        python.toString(),
                        launcher.toString(),
                        "-H",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port)))
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        pb.environment().putAll(env);
        MotoProcess moto =
            new MotoProcess(pb.start(), URI.create("http://127.0.0.1:" + port), log);
        try {
          moto.awaitReady();
          return moto;
        } catch (IllegalStateException e) {
          moto.close();
          last = e;
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start " + server, e);
      }
    }
    throw last;
  }

  Moto handle() {
    return handle;
  }

  /** Forgets every resource (POST /moto-api/reset). */
  void reset() {
    int status = post("/moto-api/reset");
    if (status != 200) {
      throw new IllegalStateException("moto reset answered HTTP " + status + "; see " + log);
    }
  }

  private void awaitReady() {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "moto_server exited with " + process.exitValue() + " on start; see " + log);
      }
      try {
        if (post("/moto-api/reset") == 200) {
          return;
        }
      } catch (IllegalStateException notYet) {
        // not listening yet
      }
      sleep(100);
    }
    throw new IllegalStateException("moto_server did not answer within " + STARTUP + "; see " + log);
  }

  private int post(String path) {
    try {
      HttpRequest req =
          HttpRequest.newBuilder(endpoint.resolve(path))
              .timeout(Duration.ofSeconds(30))
              .POST(HttpRequest.BodyPublishers.noBody())
              .build();
      return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode();
    } catch (IOException e) {
      throw new IllegalStateException("moto at " + endpoint + " does not answer: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void stop() {
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) anyway
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free loopback port", e);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }
}

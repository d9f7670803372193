package dev.rolectl.cli.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs the pinned moto into a virtualenv (default {@code cli/target/moto-venv}) the first time
 * it is needed: {@code python3 -m venv}, then {@code pip install -r
 * cli/src/test/moto/requirements.txt}. Skips both when the venv already has that moto version.
 * Needs {@code python3} with the venv module, and PyPI. Paths come from system properties that
 * the failsafe configuration sets ({@code moto.venv}, {@code moto.requirements}, {@code
 * moto.python}), with defaults relative to the cli module.
 */
final class MotoInstall {
  private static final Pattern PIN = Pattern.compile("^moto(\\[[^]]*])?==(\\S+)", Pattern.MULTILINE);

  private MotoInstall() {}

  static Path venv() {
    return Path.of(System.getProperty("moto.venv", "target/moto-venv")).toAbsolutePath();
  }

  static Path requirements() {
    return Path.of(System.getProperty("moto.requirements", "src/test/moto/requirements.txt"))
        .toAbsolutePath();
  }

  /** The moto_server executable of the venv, installed if needed. */
  static synchronized Path ensureInstalled() {
    Path venv = venv();
    Path server = venv.resolve("bin").resolve("moto_server");
    String pinned = pinnedVersion();
    try {
      Files.createDirectories(venv.getParent());
      try (FileChannel ch =
              FileChannel.open(
                  venv.resolveSibling(venv.getFileName() + ".lock"),
                  StandardOpenOption.CREATE,
                  StandardOpenOption.WRITE);
          FileLock lock = ch.lock()) {
        if (Files.isExecutable(server) && pinned.equals(installedVersion(venv))) {
          return server;
        }
        String python = System.getProperty("moto.python", "python3");
        System.err.println("[moto] installing moto " + pinned + " into " + venv + " (first use)");
        run(List.of(python, "-m", "venv", "--clear", venv.toString()), 300);
        run(
            List.of(
                venv.resolve("bin").resolve("python").toString(),
                "-m",
                "pip",
                "install",
                "--disable-pip-version-check",
                "--quiet",
                "-r",
                requirements().toString()),
            900);
        String installed = installedVersion(venv);
        if (!pinned.equals(installed) || !Files.isExecutable(server)) {
          throw new IllegalStateException(
              "moto " + pinned + " was installed into " + venv + " but reports version " + installed);
        }
        return server;
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot install moto into " + venv, e);
    }
  }

  private static String pinnedVersion() {
    try {
      Matcher m = PIN.matcher(Files.readString(requirements()));
      if (!m.find()) {
        throw new IllegalStateException(requirements() + " pins no moto version (moto==X.Y.Z)");
      }
      return m.group(2);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + requirements(), e);
    }
  }

  private static String installedVersion(Path venv) {
    Path python = venv.resolve("bin").resolve("python");
    if (!Files.isExecutable(python)) {
      return null;
    }
    try {
      Process p =
          new ProcessBuilder(
                  python.toString(),
                  "-c",
                  "import importlib.metadata as m; print(m.version('moto'))")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static void run(List<String> command, int timeoutSeconds) throws IOException {
    Process p = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    try {
      if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out after " + timeoutSeconds + " s: " + command);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      p.destroyForcibly();
      throw new IllegalStateException("interrupted: " + command, e);
    }
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "failed (exit "
              + p.exitValue()
              + "): "
              + String.join(" ", command)
              + "\n"
              + new String(out, StandardCharsets.UTF_8));
    }
  }
}

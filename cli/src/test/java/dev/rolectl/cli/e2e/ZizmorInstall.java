package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Installs the pinned zizmor (a GitHub Actions security linter, published on PyPI as a wheel with
 * its binary) into {@code target/zizmor-venv} the first time it is needed, as {@link MotoInstall}
 * does for moto: {@code python3 -m venv}, then {@code pip install -r
 * src/test/zizmor/requirements.txt}. Skips both when the venv has that version already.
 */
final class ZizmorInstall {
  private static final Pattern PIN = Pattern.compile("^zizmor==(\\S+)", Pattern.MULTILINE);

  private ZizmorInstall() {}

  /** The zizmor executable, installed if needed. */
  static synchronized Path ensureInstalled() throws IOException {
    Path target = Path.of("target").toAbsolutePath();
    Path venv = target.resolve("zizmor-venv");
    Path exe = venv.resolve("bin/zizmor");
    Path requirements = Path.of("src/test/zizmor/requirements.txt").toAbsolutePath();
    Matcher m = PIN.matcher(Files.readString(requirements));
    if (!m.find()) {
      throw new IllegalStateException(requirements + " pins no zizmor version (zizmor==X.Y.Z)");
    }
    String pinned = m.group(1);
    if (Files.isExecutable(exe) && version(exe).equals("zizmor " + pinned)) {
      return exe;
    }
    System.err.println("[zizmor] installing zizmor " + pinned + " into " + venv + " (first use)");
    run(target, List.of("python3", "-m", "venv", "--clear", venv.toString()));
    run(target, List.of(venv.resolve("bin/python").toString(), "-m", "pip", "install",
        "--disable-pip-version-check", "--quiet", "-r", requirements.toString()));
    assertEquals("zizmor " + pinned, version(exe), "the installed zizmor");
    return exe;
  }

  private static String version(Path exe) {
    CliRun r = RolectlProcess.runCommand(exe.getParent(), Map.of(), List.of(exe.toString(), "--version"));
    return r.exitCode() == 0 ? r.out().strip() : "";
  }

  private static void run(Path dir, List<String> command) {
    CliRun r = RolectlProcess.runCommand(dir, Map.of(), command);
    assertEquals(0, r.exitCode(), String.join(" ", command) + " failed:\n" + r.out() + r.err());
  }
}

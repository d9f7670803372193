package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflows in {@code examples/github/} pass actionlint (syntax, expressions,
 * action inputs, and shellcheck on run: scripts where shellcheck is installed). actionlint is
 * installed by the build like moto: {@code go install} of the pinned version into {@code
 * target/actionlint} (GOPATH, GOBIN and the build cache under {@code target/}). Where Go is
 * absent the test is skipped and says so.
 */
@Tag("e2e")
class GithubWorkflowsE2E {
  /** Pinned; see go-partial in the environment notes for the versions the proxy serves. */
  static final String ACTIONLINT = "github.com/rhysd/actionlint/cmd/actionlint@v1.7.12";

  @Test
  void exampleWorkflowsPassActionlint() throws Exception {
    Path actionlint = install();
    List<String> command = new ArrayList<>(List.of(actionlint.toString(), "-no-color"));
    Path dir = RepoFiles.root().resolve("examples/github");
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> workflows = s.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
      assertEquals(3, workflows.size(), workflows.toString());
      workflows.forEach(p -> command.add(p.toString()));
    }
    CliRun r = RolectlProcess.runCommand(dir, Map.of(), command);
    assertEquals(0, r.exitCode(), "actionlint found problems:\n" + r.out() + r.err());
  }

  /** actionlint under target/, built once by go install; the test is skipped without Go. */
  static synchronized Path install() throws IOException, InterruptedException {
    Path target = Path.of("target").toAbsolutePath();
    Path bin = target.resolve("actionlint/bin");
    Path exe = bin.resolve("actionlint");
    Path stamp = bin.resolve(".version");
    if (Files.isExecutable(exe) && Files.exists(stamp) && Files.readString(stamp).equals(ACTIONLINT)) {
      return exe;
    }
    Assumptions.assumeTrue(onPath("go"),
        "skipped: Go is not installed, so actionlint (a Go program) cannot be built to check"
            + " examples/github/*.yml; install Go to run this test");
    Map<String, String> env = Map.of(
        "GOBIN", bin.toString(),
        "GOPATH", target.resolve("actionlint/gopath").toString(),
        "GOCACHE", target.resolve("actionlint/gocache").toString(),
        "GOFLAGS", "-modcacherw");
    CliRun r = RolectlProcess.runCommand(target, env, List.of("go", "install", ACTIONLINT));
    assertEquals(0, r.exitCode(), "go install " + ACTIONLINT + " failed:\n" + r.out() + r.err());
    assertTrue(Files.isExecutable(exe), exe + " was not built");
    Files.writeString(stamp, ACTIONLINT);
    return exe;
  }

  private static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}

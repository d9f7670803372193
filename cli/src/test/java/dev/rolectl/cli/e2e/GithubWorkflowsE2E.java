package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.ExampleWorkflows;
import dev.rolectl.cli.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The GitHub Actions workflows in {@code examples/github/} pass actionlint (syntax, expressions,
 * action inputs, and shellcheck on run: scripts where shellcheck is installed) and zizmor (0
 * findings at its default persona, no ignore comments or configuration honoured), and their
 * github-script bodies pass their node tests ({@code src/test/node/*.test.mjs}, node's built-in
 * test runner, against a fake of GitHub's REST API). actionlint is installed by the build like
 * moto: {@code go install} of the pinned version into {@code target/actionlint} (GOPATH, GOBIN and
 * the build cache under {@code target/}); zizmor from PyPI into {@code target/zizmor-venv}
 * ({@link ZizmorInstall}). Where Go or node is absent its test is skipped and says so.
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
      assertEquals(4, workflows.size(), workflows.toString());
      workflows.forEach(p -> command.add(p.toString()));
    }
    CliRun r = RolectlProcess.runCommand(dir, Map.of(), command);
    assertEquals(0, r.exitCode(), "actionlint found problems:\n" + r.out() + r.err());
  }

  @Test
  void exampleWorkflowsHaveNoZizmorFindings() throws Exception {
    Path zizmor = ZizmorInstall.ensureInstalled();
    List<String> command = new ArrayList<>(List.of(zizmor.toString(), "--offline", "--no-config",
        "--no-ignores", "--no-progress", "--color", "never", "--format", "plain"));
    command.addAll(ymlFiles());
    CliRun r = RolectlProcess.runCommand(ExampleWorkflows.dir(), Map.of(), command);
    assertEquals(0, r.exitCode(), "zizmor found problems:\n" + r.out() + r.err());
    assertTrue((r.out() + r.err()).contains("No findings to report"), r.out() + r.err());
  }

  /**
   * Every github-script body, taken from the workflows as they are (written to {@code
   * target/github-scripts.json}), run by node's test runner against mocked comment, issue,
   * pull-request and run lists.
   */
  @Test
  void githubScriptsPassTheirNodeTests() throws Exception {
    Assumptions.assumeTrue(onPath("node"),
        "skipped: node is not installed, so the github-script bodies of examples/github/*.yml"
            + " cannot be run; install Node.js 20 or newer to run this test");
    Path json = Path.of("target/github-scripts.json").toAbsolutePath();
    Files.createDirectories(json.getParent());
    new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(json.toFile(), ExampleWorkflows.githubScripts());
    Path tests = Path.of("src/test/node").toAbsolutePath();
    CliRun r = RolectlProcess.runCommand(tests, Map.of("ROLECTL_GITHUB_SCRIPTS", json.toString()),
        List.of("node", "--test", tests.toString()));
    String out = r.out() + r.err();
    assertEquals(0, r.exitCode(), "node --test failed:\n" + out);
    Matcher pass = Pattern.compile("(?m)^# pass (\\d+)$").matcher(out);
    assertTrue(pass.find() && Integer.parseInt(pass.group(1)) >= 30 && out.contains("\n# fail 0"),
        "every node test ran and passed:\n" + out);
  }

  private static List<String> ymlFiles() throws IOException {
    try (Stream<Path> s = Files.list(ExampleWorkflows.dir())) {
      return s.filter(p -> p.toString().endsWith(".yml")).sorted().map(Path::toString).toList();
    }
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

  static boolean onPath(String program) {
    for (String d : System.getenv().getOrDefault("PATH", "").split(":")) {
      if (!d.isEmpty() && Files.isExecutable(Path.of(d, program))) {
        return true;
      }
    }
    return false;
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive as a user gets it: the package phase built {@code
 * target/rolectl-VERSION.tar.gz} and {@code .zip}; this test unpacks the tar.gz into a temporary
 * folder, puts {@code bin} on PATH through a chain of symlinks, and runs {@code rolectl version},
 * {@code validate} and {@code plan --target local:} from another folder with a fresh HOME (so the
 * CDS archive goes to a fresh per-user cache). Also: the zip holds the same files, the completion
 * script completes in bash, and the source tree's {@code ./rolectl} works through a symlink.
 */
@Tag("e2e")
class ReleaseArchiveE2E {
  @TempDir Path tmp;

  @Test
  void unpackedArchiveRunsFromAnywhereThroughSymlinks() throws Exception {
    Path tarGz = archive(".tar.gz");
    Path unpacked = Files.createDirectories(tmp.resolve("opt"));
    CliRun untar = run(tmp, Map.of(), "tar", "xzf", tarGz.toString(), "-C", unpacked.toString());
    assertEquals(0, untar.exitCode(), untar.toString());
    Path home = only(unpacked);
    assertTrue(home.getFileName().toString().startsWith("rolectl-"), home.toString());
    Path bin = home.resolve("bin/rolectl");
    assertTrue(Files.getPosixFilePermissions(bin).contains(PosixFilePermission.OTHERS_EXECUTE));
    assertTrue(Files.isRegularFile(home.resolve("lib/rolectl.jar")));

    // PATH -> links/rolectl (relative) -> ../opt/rolectl-V/bin/rolectl
    Path links = Files.createDirectories(tmp.resolve("links"));
    Files.createSymbolicLink(links.resolve("rolectl"), links.relativize(bin));
    Path pathDir = Files.createDirectories(tmp.resolve("path"));
    Files.createSymbolicLink(pathDir.resolve("rolectl"), links.resolve("rolectl"));
    Path work = Files.createDirectories(tmp.resolve("work"));
    Path userHome = Files.createDirectories(tmp.resolve("home"));
    copyExample(work.resolve("stack"));
    Map<String, String> env =
        Map.of(
            "PATH", pathDir + ":" + System.getenv("PATH"),
            "HOME", userHome.toString(),
            "JAVA_HOME", System.getProperty("java.home"),
            "XDG_CACHE_HOME", "",
            "ROLECTL_CACHE_DIR", "",
            "CI", ""); // a user's machine: the launcher makes its archives (not in CI, below)

    CliRun version = onPath(work, env, "version");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().matches("(?s)rolectl \\d+\\.\\d+\\.\\d+.*\ncommit: +\\S+.*built: +\\d{4}-.*"),
        version.out());

    CliRun validate = onPath(work, env, "validate", "stack");
    assertEquals(0, validate.exitCode(), validate.toString());
    assertTrue(validate.out().startsWith("ecs-platform: 4 resources, 0 errors"), validate.out());

    CliRun plan = onPath(work, env, "plan", "stack", "--target", "local:account.json");
    assertEquals(0, plan.exitCode(), plan.toString());
    assertTrue(plan.out().contains("Plan: 4 to create"), plan.out());

    List<Path> cds = list(userHome.resolve(".cache/rolectl"));
    assertTrue(cds.stream().anyMatch(p -> p.toString().endsWith("-offline.jsa")), "CDS archives: " + cds);
    assertTrue(cds.stream().anyMatch(p -> p.toString().endsWith("-aws.jsa")), "CDS archives: " + cds);
    archivesHoldWhatTheirCommandsLoad(work, env, home);
    archivesAreNotMadeInCiUnlessAsked(work, env);
    assertEquals(List.of(pathDir.resolve("rolectl")), list(pathDir), "nothing written beside the link");
    assertEquals(List.of(links.resolve("rolectl")), list(links));

    // The zip holds the same files as the tar.gz.
    try (ZipFile zip = new ZipFile(archive(".zip").toFile())) {
      Set<String> zipFiles = new TreeSet<>();
      zip.stream().filter(e -> !e.isDirectory()).forEach(e -> zipFiles.add(e.getName()));
      Set<String> tarFiles = new TreeSet<>();
      try (Stream<Path> s = Files.walk(unpacked)) {
        s.filter(Files::isRegularFile).forEach(p -> tarFiles.add(unpacked.relativize(p).toString()));
      }
      assertEquals(tarFiles, zipFiles);
    }
  }

  /**
   * The launcher's two CDS archives, made by the training runs: {@code plan} (aws archive) finds
   * the AWS SDK's clients and HTTP client in it, even when the call fails (a loopback port where
   * nothing listens); {@code validate} (offline archive) finds its command there and loads no SDK
   * class. No training process is left.
   */
  private void archivesHoldWhatTheirCommandsLoad(Path work, Map<String, String> env, Path home)
      throws IOException {
    Path log = tmp.resolve("plan-classes.log");
    Map<String, String> aws = new HashMap<>(env);
    aws.put("ROLECTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    aws.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort());
    aws.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    aws.put("AWS_SECRET_ACCESS_KEY", "example");
    aws.put("AWS_REGION", "us-east-1");
    aws.put("AWS_MAX_ATTEMPTS", "1");
    CliRun plan = onPath(work, aws, "plan", "stack", "--target", "aws");
    assertEquals(1, plan.exitCode(), plan.toString());
    String classes = Files.readString(log);
    for (String type : List.of("software.amazon.awssdk.services.iam.DefaultIamClient",
        "software.amazon.awssdk.services.sts.DefaultStsClient",
        "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
        "dev.rolectl.cli.command.PlanCommand")) {
      assertTrue(classes.contains(type + " source: shared objects file (top)"),
          type + " is not in the aws archive: "
              + classes.lines().filter(l -> l.contains(type + " ")).toList());
    }

    Path validateLog = tmp.resolve("validate-classes.log");
    Map<String, String> offline = new HashMap<>(env);
    offline.put("ROLECTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + validateLog);
    CliRun validate = onPath(work, offline, "validate", "stack");
    assertEquals(0, validate.exitCode(), validate.toString());
    String validateClasses = Files.readString(validateLog);
    assertTrue(validateClasses.contains("dev.rolectl.cli.command.ValidateCommand source: shared objects file (top)"),
        validateClasses.lines().filter(l -> l.contains("ValidateCommand")).toList().toString());
    assertFalse(validateClasses.contains("software.amazon.awssdk"), "validate loaded AWS SDK classes");

    List<String> training = ProcessHandle.allProcesses()
        .map(p -> p.info().commandLine().orElse(""))
        .filter(c -> c.contains("CdsTraining") && c.contains(home.toString()))
        .toList();
    assertEquals(List.of(), training, "training processes left behind");
  }

  /**
   * With CI set (as CI services do), a run uses no time making archives: none is made unless
   * ROLECTL_CDS_TRAIN=1; one that is there (restored from a cache) is used.
   */
  private void archivesAreNotMadeInCiUnlessAsked(Path work, Map<String, String> env) throws IOException {
    Path cache = tmp.resolve("ci-cache");
    Map<String, String> ci = new HashMap<>(env);
    ci.put("CI", "true");
    ci.put("ROLECTL_CACHE_DIR", cache.toString());
    CliRun validate = onPath(work, ci, "validate", "stack");
    assertEquals(0, validate.exitCode(), validate.toString());
    assertEquals(List.of(), list(cache).stream().filter(p -> p.toString().endsWith(".jsa")).toList(),
        "no archive made in CI");

    ci.put("ROLECTL_CDS_TRAIN", "1");
    assertEquals(0, onPath(work, ci, "validate", "stack").exitCode());
    List<Path> made = list(cache);
    assertEquals(1, made.size(), made.toString());
    assertTrue(made.get(0).toString().endsWith("-offline.jsa"), made.toString());

    Path log = tmp.resolve("ci-validate-classes.log");
    ci.remove("ROLECTL_CDS_TRAIN");
    ci.put("ROLECTL_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    assertEquals(0, onPath(work, ci, "validate", "stack").exitCode());
    assertTrue(Files.readString(log).contains("ValidateCommand source: shared objects file (top)"),
        "in CI an archive that is there is used");
  }

  /** A loopback port where nothing listens (bound, then closed). */
  private static int closedPort() throws IOException {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  /**
   * Each archive ships a {@code .sha256} made by the build, in sha256sum's format, that {@code
   * sha256sum --check} (what the example workflows run) accepts for the archive and refuses for a
   * copy changed by one byte.
   */
  @Test
  void eachArchiveShipsAChecksumThatSha256sumChecks() throws Exception {
    for (String suffix : List.of(".tar.gz", ".zip")) {
      Path archive = archive(suffix);
      Path sum = archive.resolveSibling(archive.getFileName() + ".sha256");
      String line = Files.readString(sum).strip();
      assertTrue(line.matches("[0-9a-f]{64}  " + archive.getFileName().toString().replace(".", "\\.")),
          sum + ": " + line);
      Path copy = Files.createDirectories(tmp.resolve("sum" + suffix));
      Files.copy(archive, copy.resolve(archive.getFileName()));
      Files.copy(sum, copy.resolve(sum.getFileName()));
      CliRun ok = run(copy, Map.of(), "sha256sum", "--check", "--strict", sum.getFileName().toString());
      assertEquals(0, ok.exitCode(), ok.toString());
      byte[] bytes = Files.readAllBytes(copy.resolve(archive.getFileName()));
      bytes[bytes.length / 2] ^= 1;
      Files.write(copy.resolve(archive.getFileName()), bytes);
      CliRun tampered = run(copy, Map.of(), "sha256sum", "--check", "--strict", sum.getFileName().toString());
      assertEquals(1, tampered.exitCode(), tampered.toString());
      assertTrue(tampered.out().contains("FAILED"), tampered.toString());
    }
  }

  @Test
  void completionScriptCompletesCommandsAndOptionsInBash() throws Exception {
    Path script = Files.createDirectories(tmp.resolve("x"));
    CliRun untar =
        run(tmp, Map.of(), "tar", "xzf", archive(".tar.gz").toString(), "-C", script.toString());
    assertEquals(0, untar.exitCode(), untar.toString());
    Path bash = only(script).resolve("completion/rolectl.bash");
    assertTrue(Files.isRegularFile(only(script).resolve("completion/rolectl.zsh")));
    String probe =
        "source '" + bash + "'; "
            + "COMP_WORDS=(rolectl ap); COMP_CWORD=1; COMP_LINE='rolectl ap'; COMP_POINT=10;"
            + " _complete_rolectl; echo \"commands: ${COMPREPLY[*]}\";"
            + "COMP_WORDS=(rolectl plan --form); COMP_CWORD=2; COMP_LINE='rolectl plan --form';"
            + " COMP_POINT=${#COMP_LINE}; _complete_rolectl; echo \"options: ${COMPREPLY[*]}\";"
            + "COMP_WORDS=(rolectl plan --format ''); COMP_CWORD=3; COMP_LINE='rolectl plan --format ';"
            + " COMP_POINT=${#COMP_LINE}; _complete_rolectl; echo \"formats: ${COMPREPLY[*]}\"";
    CliRun r = run(tmp, Map.of(), "bash", "-c", probe);
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("commands: apply"), r.out());
    assertTrue(r.out().contains("options: --format"), r.out());
    assertTrue(r.out().matches("(?s).*formats: .*markdown.*"), r.out());
  }

  @Test
  void completionScriptLoadsInZsh() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/bin/zsh")) || Files.isExecutable(Path.of("/usr/bin/zsh")),
        "zsh is not installed: the zsh script (picocli's script through bashcompinit) is not"
            + " checked here; the bash test checks the same script in bash");
    Path script = Files.createDirectories(tmp.resolve("z"));
    CliRun untar =
        run(tmp, Map.of(), "tar", "xzf", archive(".tar.gz").toString(), "-C", script.toString());
    assertEquals(0, untar.exitCode(), untar.toString());
    Path zsh = only(script).resolve("completion/rolectl.zsh");
    CliRun z = run(tmp, Map.of(), "zsh", "-c", "autoload -U +X compinit && compinit -u; source '"
        + zsh + "' && complete -p rolectl");
    assertEquals(0, z.exitCode(), z.toString());
    assertEquals("", z.err(), z.toString());
    assertTrue(z.out().contains("complete -F _complete_rolectl"), z.toString());
  }

  @Test
  void sourceTreeLauncherWorksThroughASymlinkWithoutWritingBesideIt() throws Exception {
    Path root = RepoFiles.root();
    Assumptions.assumeFalse(
        sourcesNewerThanJar(root),
        "the sources changed after the jar was built: ./rolectl would rebuild during the test run");
    Path pathDir = Files.createDirectories(tmp.resolve("bin"));
    Files.createSymbolicLink(pathDir.resolve("rolectl"), root.resolve("rolectl"));
    Path work = Files.createDirectories(tmp.resolve("elsewhere"));
    Map<String, String> env = Map.of("HOME", tmp.toString(), "ROLECTL_CACHE_DIR", "");
    CliRun version = run(work, env, pathDir.resolve("rolectl").toString(), "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertTrue(version.out().startsWith("rolectl "), version.out());
    assertFalse(version.err().contains("building"), version.err());
    assertEquals(List.of(pathDir.resolve("rolectl")), list(pathDir));
    assertEquals(List.of(), list(work));
  }

  private static boolean sourcesNewerThanJar(Path root) throws IOException {
    long jar = Files.getLastModifiedTime(RolectlProcess.jar()).toMillis();
    for (String input : List.of("pom.xml", "engine/pom.xml", "cli/pom.xml", "engine/src/main",
        "cli/src/main", "schemas")) {
      try (Stream<Path> s = Files.walk(root.resolve(input))) {
        if (s.anyMatch(p -> p.toFile().lastModified() > jar)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The archive the package phase built in target/. */
  private static Path archive(String suffix) throws IOException {
    try (Stream<Path> s = Files.list(Path.of("target"))) {
      List<Path> found =
          s.filter(p -> p.getFileName().toString().matches("rolectl-\\d.*" + suffix.replace(".", "\\.")))
              .toList();
      assertEquals(1, found.size(), "one release archive in target/: " + found);
      return found.get(0).toAbsolutePath();
    }
  }

  private static void copyExample(Path to) throws IOException {
    Path from = RepoFiles.root().resolve("examples/ecs-blue-green/stack.yaml");
    Files.createDirectories(to);
    Files.copy(from, to.resolve("stack.yaml"));
  }

  private static Path only(Path dir) throws IOException {
    List<Path> entries = list(dir);
    assertEquals(1, entries.size(), entries.toString());
    return entries.get(0);
  }

  private static List<Path> list(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(dir)) {
      List<Path> entries = new ArrayList<>(s.toList());
      Collections.sort(entries);
      return entries;
    }
  }

  /** {@code rolectl ARGS} as a shell finds it: through the PATH of {@code env}. */
  private static CliRun onPath(Path dir, Map<String, String> env, String... args) {
    List<String> command = new ArrayList<>(List.of("bash", "-c", "exec rolectl \"$@\"", "rolectl"));
    command.addAll(List.of(args));
    return RolectlProcess.runCommand(dir, env, command);
  }

  private static CliRun run(Path dir, Map<String, String> env, String... command) {
    return RolectlProcess.runCommand(dir, env, List.of(command));
  }
}

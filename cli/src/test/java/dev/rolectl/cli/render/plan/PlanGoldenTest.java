package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.cli.CliRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Golden files: for each case under {@code src/test/resources/golden/CASE}, the stack (the case's
 * own {@code stack.yaml}, else the shared one) planned against the case's {@code account.json}
 * must print exactly {@code expected.txt}, {@code expected.md} and {@code expected.json}, and exit
 * with the code in {@code exitcode} (0 when absent). Run
 * with {@code -Dgolden.update=true} to rewrite them, then review the diff.
 */
class PlanGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<Object[]> cases() throws IOException {
    List<Path> dirs;
    try (Stream<Path> s = Files.list(GOLDEN)) {
      dirs = s.filter(Files::isDirectory).sorted().toList();
    }
    return dirs.stream()
        .flatMap(
            d ->
                Stream.of(
                    new Object[] {d.getFileName().toString(), "text", "expected.txt"},
                    new Object[] {d.getFileName().toString(), "markdown", "expected.md"},
                    new Object[] {d.getFileName().toString(), "json", "expected.json"}));
  }

  @ParameterizedTest(name = "{0} as {1}")
  @MethodSource("cases")
  void planMatchesGoldenFile(String name, String format, String expectedFile) throws IOException {
    Path dir = GOLDEN.resolve(name);
    Path stack = Files.exists(dir.resolve("stack.yaml")) ? dir.resolve("stack.yaml") : GOLDEN.resolve("stack.yaml");
    CliRun run =
        CliRun.run(
            Map.of(),
            "plan",
            stack.toString(),
            "--target",
            "snapshot:" + dir.resolve("account.json"),
            "--format",
            format);
    String actual = normalise(run.out());
    Path expected = dir.resolve(expectedFile);
    if (UPDATE) {
      Files.writeString(expected, actual, StandardCharsets.UTF_8);
    }
    Path exitFile = dir.resolve("exitcode");
    int expectedExit = Files.exists(exitFile) ? Integer.parseInt(Files.readString(exitFile).trim()) : 0;
    assertEquals(expectedExit, run.exitCode(), run::toString);
    // errors and warnings go to stderr too (expected.err), whatever the format
    Path errFile = dir.resolve("expected.err");
    String diagnostics = Files.exists(errFile) ? Files.readString(errFile) : "";
    assertEquals(diagnostics, run.err(), "stderr");
    assertEquals(Files.readString(expected, StandardCharsets.UTF_8), actual);
  }

  /** The plan's creation time is the only thing that changes from run to run. */
  private static String normalise(String out) {
    return out.replaceAll("\"createdAt\" : \"[^\"]+\"", "\"createdAt\" : \"(normalised)\"");
  }
}

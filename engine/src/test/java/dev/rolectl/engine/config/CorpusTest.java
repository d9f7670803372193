package dev.rolectl.engine.config;

import dev.rolectl.engine.policy.PolicyParser;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every malformed or hostile stack in {@code src/test/resources/corpus} is reported, without an
 * exception, by an error at the expected {@code file:line:col} whose message contains the expected
 * text. Each case {@code NAME.yaml} or directory {@code NAME/} has a {@code NAME.expect} with
 * {@code location: FILE:LINE:COL}, {@code message: TEXT} and optionally {@code var: NAME=VALUE},
 * {@code varFile: FILE} (in the corpus directory) and {@code account: ID}.
 */
class CorpusTest {

  static Path corpus() throws URISyntaxException {
    return Path.of(CorpusTest.class.getResource("/corpus").toURI());
  }

  static Stream<String> cases() throws IOException, URISyntaxException {
    try (Stream<Path> files = Files.list(corpus())) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".expect"))
          .map(n -> n.substring(0, n.length() - ".expect".length()))
          .sorted()
          .collect(Collectors.toList())
          .stream();
    }
  }

  @Test
  void corpusHasAtLeast45Cases() throws Exception {
    assertTrue(cases().count() >= 45, "corpus size " + cases().count());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void malformedStackIsReportedAtTheExpectedPlace(String name) throws Exception {
    Path dir = corpus();
    Map<String, List<String>> expect = readExpect(dir.resolve(name + ".expect"));
    Path stack = Files.isDirectory(dir.resolve(name)) ? dir.resolve(name)
        : dir.resolve(name + ".yaml");
    Map<String, String> vars = new LinkedHashMap<>();
    expect.getOrDefault("var", List.of()).forEach(v -> vars.put(v.split("=", 2)[0], v.split("=", 2)[1]));
    List<Path> varFiles = expect.getOrDefault("varFile", List.of()).stream()
        .map(dir::resolve).collect(Collectors.toList());
    String account = expect.getOrDefault("account", List.of(LoadOptions.PLACEHOLDER_ACCOUNT_ID)).get(0);

    LoadResult result = StackLoader.load(stack,
        new LoadOptions(vars, varFiles, account, LoadOptions.DEFAULT_PARTITION),
        PolicyParser::parse);

    assertFalse(result.ok(), "a malformed stack must not load");
    List<Diagnostic> errors = result.diagnostics().stream().filter(Diagnostic::isError).toList();
    assertFalse(errors.isEmpty(), "expected at least one error");
    String location = expect.get("location").get(0);
    String message = expect.get("message").get(0);
    String file = location.substring(0, location.indexOf(':'));
    String lineCol = location.substring(location.indexOf(':') + 1);
    boolean found = errors.stream().anyMatch(d -> d.location() != null
        && Path.of(d.location().file()).endsWith(file)
        && (d.location().line() + ":" + d.location().column()).equals(lineCol)
        && d.message().contains(message));
    assertTrue(found, () -> "no error at " + location + " containing \"" + message + "\"; got:\n"
        + errors.stream().map(Diagnostic::format).collect(Collectors.joining("\n")));
  }

  private static Map<String, List<String>> readExpect(Path file) throws IOException {
    Map<String, List<String>> out = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int colon = line.indexOf(": ");
      out.computeIfAbsent(line.substring(0, colon), k -> new ArrayList<>())
          .add(line.substring(colon + 2));
    }
    return out;
  }
}

package dev.rolectl.engine.config;

import dev.rolectl.engine.policy.PolicyParser;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.Role;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --var beats every --var-file; a later var file beats an earlier one; var file errors are located. */
class VarsTest {
  @TempDir Path dir;

  Path write(String name, String text) throws IOException {
    Path file = dir.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  @Test
  void precedenceIsCliThenLaterFileThenEarlierFile() throws IOException {
    Path first = write("first.yml", "env: dev\nteam: platform\nport: 8080\nflag: yes\n");
    Path second = write("second.yml", "env: staging\n");
    Vars.Loaded files = Vars.load(Map.of(), List.of(first, second));
    assertEquals(Map.of("env", "staging", "team", "platform", "port", "8080", "flag", "yes"),
        files.values());
    Vars.Loaded cli = Vars.load(Map.of("env", "prod"), List.of(first, second));
    assertEquals("prod", cli.values().get("env"));
    assertEquals(List.of(), cli.diagnostics());
  }

  /** {@code --var-file <(command)}: the shell gives a pipe, read like a file (bounded). */
  @Test
  void aVarFileMayBeAPipe() throws Exception {
    Path pipe = dir.resolve("vars.pipe");
    Process mkfifo = new ProcessBuilder("mkfifo", pipe.toString()).inheritIO().start();
    assertEquals(0, mkfifo.waitFor(), "mkfifo");
    Thread writer = new Thread(() -> {
      try {
        Files.writeString(pipe, "env: from-a-pipe\n");
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    writer.start();
    Vars.Loaded loaded = Vars.load(Map.of(), List.of(pipe));
    writer.join();
    assertEquals(List.of(), loaded.diagnostics());
    assertEquals(Map.of("env", "from-a-pipe"), loaded.values());
  }

  @Test
  void aVarFileThatIsADirectoryIsRefusedLocated() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("vars.d"));
    List<Diagnostic> d = Vars.load(Map.of(), List.of(sub)).diagnostics();
    assertEquals(1, d.size(), d::toString);
    assertEquals("is a directory; give a YAML file", d.get(0).message());
  }

  @Test
  void varsReachTheStack() throws IOException {
    Path vars = write("vars.yml", "env: staging\n");
    Path stack = write("stack.yaml", "apiVersion: rolectl/v1\nstack: v\nroles:\n  a:\n"
        + "    description: \"for ${var.env}\"\n    trustPolicy:\n      Statement:\n"
        + "        - {Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: \"sts:AssumeRole\"}\n");
    LoadResult result = StackLoader.load(stack, new LoadOptions(Map.of("env", "prod"),
        List.of(vars), LoadOptions.PLACEHOLDER_ACCOUNT_ID, "aws"), PolicyParser::parse);
    assertEquals("for prod", result.stack().orElseThrow().resources(Role.class).findFirst()
        .orElseThrow().description());
  }

  @Test
  void varFileProblemsAreLocatedInTheVarFile() throws IOException {
    Path vars = write("bad.yml", "env: prod\n9lives: x\nempty:\nnested: {a: b}\n");
    List<Diagnostic> d = Vars.load(Map.of(), List.of(vars)).diagnostics();
    String f = vars.toString();
    assertEquals(List.of(new Location(f, 2, 1), new Location(f, 3, 7), new Location(f, 4, 9)),
        d.stream().map(Diagnostic::location).toList());
    assertEquals("'9lives' is not a valid variable name: use letters, digits, '_' and '-',"
        + " starting with a letter or '_'", d.get(0).message());
    assertEquals("variable 'empty' has no value; write empty: \"\" for an empty value",
        d.get(1).message());
  }

  @Test
  void aVarFileThatIsNotAMappingIsReported() throws IOException {
    Path vars = write("list.yml", "- env\n- prod\n");
    List<Diagnostic> d = Vars.load(Map.of(), List.of(vars)).diagnostics();
    assertEquals(1, d.size());
    assertEquals(new Location(vars.toString(), 1, 1), d.get(0).location());
  }
}

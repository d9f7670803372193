package dev.rolectl.cli.e2e;

import dev.rolectl.engine.config.LoadOptions;
import dev.rolectl.engine.config.LoadResult;
import dev.rolectl.engine.config.StackLoader;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * A stack to apply end to end: the runnable examples of the repository ({@code examples/*}, with
 * {@code vars/dev.yaml} when they have one) and the scenario stacks of these tests ({@code
 * src/test/resources/apply/scenarios/*}).
 */
record Scenario(String name, Path path, List<String> varArgs) {

  /** A stack directory: one with *.yaml files (examples/github holds workflows). */
  private static boolean hasYaml(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Scenario> all() {
    List<Scenario> out = new ArrayList<>();
    for (Path root : List.of(Path.of("..", "examples"), Path.of("src", "test", "resources", "apply", "scenarios"))) {
      if (!Files.isDirectory(root)) {
        continue;
      }
      try (Stream<Path> dirs = Files.list(root)) {
        dirs.filter(Files::isDirectory).filter(Scenario::hasYaml).sorted().forEach(d -> {
          Path vars = d.resolve("vars").resolve("dev.yaml");
          List<String> args = Files.exists(vars) ? List.of("--var-file", vars.toString()) : List.of();
          out.add(new Scenario(root.getFileName() + "/" + d.getFileName(), d, args));
        });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The stack as loaded for an account (to know its name, roles and principals). */
  Stack load(String accountId) {
    List<Path> varFiles = varArgs.isEmpty() ? List.of() : List.of(Path.of(varArgs.get(1)));
    LoadResult r = StackLoader.load(path, new LoadOptions(Map.of(), varFiles, accountId, "aws"));
    return r.stack().orElseThrow(() -> new AssertionError(name + ": " + r.diagnostics()));
  }

  /** Users, groups and roles outside the stack that its policies are attached to. */
  static Map<PrincipalType, Set<String>> principals(Stack stack) {
    Set<String> ownRoles = new TreeSet<>();
    stack.resources(Role.class).forEach(r -> ownRoles.add(r.name()));
    Map<PrincipalType, Set<String>> out = new TreeMap<>();
    stack.resources(PrincipalPolicyAttachment.class)
        .filter(p -> !(p.principalType() == PrincipalType.ROLE && ownRoles.contains(p.principalName())))
        .forEach(p -> out.computeIfAbsent(p.principalType(), t -> new TreeSet<>()).add(p.principalName()));
    return out;
  }

  /** A stack file that declares nothing, with the stack's name: applying it destroys the stack. */
  static Path emptied(Path dir, String stackName) {
    return StackFiles.empty(dir, stackName);
  }

  /**
   * The same stack with every {@code protect: true} made {@code protect: false} (its top-level
   * YAML files copied under {@code dir}): applying it lifts the protection, so that a destroy can
   * follow.
   */
  Path unprotected(Path dir) {
    Path copy = dir.resolve(path.getFileName() + "-unprotected");
    try (Stream<Path> files = Files.list(path)) {
      Files.createDirectories(copy);
      for (Path f : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
        Files.writeString(copy.resolve(f.getFileName()),
            Files.readString(f).replace("protect: true", "protect: false"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return copy;
  }

  @Override
  public String toString() {
    return name;
  }
}

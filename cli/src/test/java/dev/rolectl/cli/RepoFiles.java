package dev.rolectl.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Files of the repository that tests use (examples), found from the module directory. */
public final class RepoFiles {
  private RepoFiles() {}

  /** The repository root: the nearest ancestor of the working directory with examples/. */
  public static Path root() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("examples")) && Files.isRegularFile(p.resolve("pom.xml"))) {
        return p;
      }
    }
    throw new IllegalStateException("no examples/ above " + Path.of("").toAbsolutePath());
  }

  /** Every example stack directory (one with *.yaml files), sorted; not examples/github. */
  public static List<Path> exampleDirs() {
    try (Stream<Path> s = Files.list(root().resolve("examples"))) {
      return s.filter(Files::isDirectory).filter(RepoFiles::hasYaml).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hasYaml(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.anyMatch(p -> p.getFileName().toString().endsWith(".yaml"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The var files of an example ({@code vars/*.yaml}), sorted; empty when it needs none. */
  public static List<Path> varFiles(Path example) {
    Path vars = example.resolve("vars");
    if (!Files.isDirectory(vars)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(vars)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Finds the files of a stack: the file itself, or the {@code *.yaml}/{@code *.yml} files directly
 * in a directory (not in subdirectories, not hidden), sorted by name.
 */
final class StackFiles {
  static final String RULE = "stack-files";

  private StackFiles() {}

  /** A stack file and the name locations use for it. */
  record StackFile(Path path, String name) {}

  /** The files, or a diagnostic saying why there are none. */
  record Found(List<StackFile> files, Diagnostic problem) {}

  static Found find(Path path) {
    String shown = path.toString();
    if (!Files.exists(path)) {
      return problem(shown, "stack path does not exist: give a stack file (.yaml) or a directory"
          + " of stack files");
    }
    if (!Files.isDirectory(path)) {
      return new Found(List.of(new StackFile(path, shown)), null);
    }
    List<StackFile> files = new ArrayList<>();
    try (Stream<Path> entries = Files.list(path)) {
      entries
          .filter(p -> isStackFileName(p.getFileName().toString()))
          .filter(Files::isRegularFile)
          .sorted(Comparator.comparing(p -> p.getFileName().toString()))
          .forEach(p -> files.add(new StackFile(p, p.toString())));
    } catch (IOException | SecurityException e) {
      return problem(shown, "cannot list the stack directory (" + e.getClass().getSimpleName()
          + "); check that it is readable");
    }
    if (files.isEmpty()) {
      return problem(shown, "directory contains no *.yaml or *.yml files; a stack directory holds"
          + " the stack's YAML files directly (subdirectories are not read)");
    }
    return new Found(files, null);
  }

  private static boolean isStackFileName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return !name.startsWith(".") && (lower.endsWith(".yaml") || lower.endsWith(".yml"));
  }

  private static Found problem(String shown, String message) {
    return new Found(List.of(), Diagnostic.error(RULE, Location.startOf(shown), message));
  }
}

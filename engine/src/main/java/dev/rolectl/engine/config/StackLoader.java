package dev.rolectl.engine.config;

import java.nio.file.Path;

/**
 * Reads a stack (one YAML file or a directory of {@code *.yaml}/{@code *.yml}) into a validated
 * {@link dev.rolectl.engine.model.Stack}: YAML with locations, JSON Schema validation, policy
 * documents, {@code ${...}} references and variables, duplicate names.
 */
public final class StackLoader {
  private StackLoader() {}

  public static LoadResult load(Path path, LoadOptions options) {
    throw new UnsupportedOperationException("StackLoader is not built yet");
  }
}

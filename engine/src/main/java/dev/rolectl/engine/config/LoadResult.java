package dev.rolectl.engine.config;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Stack;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of loading a stack: the stack when there was no error, and every diagnostic found
 * (all of them, so the user can fix everything in one go).
 */
public record LoadResult(Optional<Stack> stack, List<Diagnostic> diagnostics) {
  public LoadResult {
    diagnostics = List.copyOf(diagnostics);
    if (stack.isPresent() && diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a stack with errors is not a stack");
    }
  }

  public boolean ok() {
    return stack.isPresent();
  }
}

package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.Diagnostic;
import java.util.List;
import java.util.Optional;

/** A plan, or the reasons none could be made (e.g. an unowned role with a declared name). */
public record PlanResult(Optional<Plan> plan, List<Diagnostic> diagnostics) {
  public PlanResult {
    diagnostics = List.copyOf(diagnostics);
  }
}

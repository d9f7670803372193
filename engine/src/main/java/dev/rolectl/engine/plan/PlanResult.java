package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * A plan, or the reasons none could be made (e.g. an unowned role with a declared name). A plan
 * can come with errors too: when a declared resource's live documents could not be read, the plan
 * shows everything else but must not be applied ({@link #applicable()}).
 */
public record PlanResult(Optional<Plan> plan, List<Diagnostic> diagnostics) {
  public PlanResult {
    diagnostics = List.copyOf(diagnostics);
  }

  /** Whether there is a plan and no error: only then may it be saved or applied. */
  public boolean applicable() {
    return plan.isPresent() && diagnostics.stream().noneMatch(Diagnostic::isError);
  }
}

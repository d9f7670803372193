package dev.rolectl.engine.api;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.DiagnosticOrder;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import java.util.List;
import java.util.Optional;

/**
 * What planning produced.
 *
 * @param plan the plan, when there was no error that stopped the pipeline
 * @param stack the loaded stack, when it loaded
 * @param live the live state read, when it was read
 * @param diagnostics every finding; errors stop the pipeline or make the plan unusable
 */
public record PlanOutcome(
    Optional<Plan> plan, Optional<Stack> stack, Optional<LiveAccount> live, List<Diagnostic> diagnostics) {
  public PlanOutcome {
    diagnostics = List.copyOf(diagnostics);
  }

  /** No plan, or a plan with errors (shown, but never saved or applied). */
  public boolean failed() {
    return plan.isEmpty() || diagnostics.stream().anyMatch(Diagnostic::isError);
  }

  /**
   * What plan and apply show with a plan, in file order: errors and warnings. Suggestions are
   * validate's business.
   */
  public List<Diagnostic> shown() {
    return diagnostics.stream()
        .filter(d -> d.severity() != Severity.SUGGESTION)
        .sorted(DiagnosticOrder.INSTANCE)
        .toList();
  }
}

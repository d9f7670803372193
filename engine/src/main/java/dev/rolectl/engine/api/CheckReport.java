package dev.rolectl.engine.api;

import dev.rolectl.engine.graph.ResourceGraph;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.DiagnosticOrder;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the offline checks found: the stack and its graph when they could be built, and every
 * diagnostic, sorted by file, line and column.
 *
 * @param subject the path as the user gave it, for messages about a stack that did not load
 */
public record CheckReport(
    String subject, Optional<Stack> stack, Optional<ResourceGraph> graph, List<Diagnostic> diagnostics) {
  public CheckReport {
    Objects.requireNonNull(subject, "subject");
    List<Diagnostic> sorted = new ArrayList<>(diagnostics);
    sorted.sort(DiagnosticOrder.INSTANCE);
    diagnostics = List.copyOf(sorted);
  }

  public long count(Severity severity) {
    return diagnostics.stream().filter(d -> d.severity() == severity).count();
  }

  public boolean hasErrors() {
    return count(Severity.ERROR) > 0;
  }

  /** The stack's name when it loaded, else the path given. */
  public String name() {
    return stack.map(Stack::name).orElse(subject);
  }

  /** The dependency graph as Graphviz DOT, when it could be built. */
  public Optional<String> dot() {
    return graph.map(ResourceGraph::toDot);
  }
}

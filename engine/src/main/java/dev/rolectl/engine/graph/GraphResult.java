package dev.rolectl.engine.graph;

import dev.rolectl.engine.model.Diagnostic;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of {@link GraphBuilder#build}: the graph when the stack's dependencies form a DAG
 * over its own resources, and every diagnostic found (all cycles, all dangling edges).
 */
public record GraphResult(Optional<ResourceGraph> graph, List<Diagnostic> diagnostics) {
  public GraphResult {
    Objects.requireNonNull(graph, "graph");
    diagnostics = List.copyOf(diagnostics);
    if (graph.isPresent() && diagnostics.stream().anyMatch(Diagnostic::isError)) {
      throw new IllegalArgumentException("a graph with errors is not a graph");
    }
  }

  public boolean ok() {
    return graph.isPresent();
  }
}

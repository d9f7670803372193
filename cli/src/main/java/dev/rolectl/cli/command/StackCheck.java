package dev.rolectl.cli.command;

import dev.rolectl.cli.render.CheckReport;
import dev.rolectl.engine.config.LoadOptions;
import dev.rolectl.engine.config.LoadResult;
import dev.rolectl.engine.config.StackLoader;
import dev.rolectl.engine.graph.GraphBuilder;
import dev.rolectl.engine.graph.GraphResult;
import dev.rolectl.engine.graph.ResourceGraph;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Stack;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The offline checks of a stack, in pipeline order: load, graph, and (optionally) lint. */
public final class StackCheck {
  private StackCheck() {}

  /** Loads and graphs the stack at {@code path}; lints it too when {@code lint} is set. */
  public static CheckReport run(Path path, LoadOptions options, boolean lint) {
    LoadResult loaded = StackLoader.load(path, options);
    List<Diagnostic> diagnostics = new ArrayList<>(loaded.diagnostics());
    Optional<ResourceGraph> graph = Optional.empty();
    if (loaded.stack().isPresent()) {
      Stack stack = loaded.stack().get();
      GraphResult graphed = GraphBuilder.build(stack);
      diagnostics.addAll(graphed.diagnostics());
      graph = graphed.graph();
      if (lint) {
        diagnostics.addAll(Lint.lint(stack));
      }
    }
    return new CheckReport(path.toString(), loaded.stack(), graph, diagnostics);
  }
}

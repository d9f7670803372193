package dev.rolectl.engine.api;

import dev.rolectl.engine.config.LoadOptions;
import dev.rolectl.engine.config.LoadResult;
import dev.rolectl.engine.config.StackLoader;
import dev.rolectl.engine.graph.GraphBuilder;
import dev.rolectl.engine.graph.GraphResult;
import dev.rolectl.engine.graph.ResourceGraph;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.lint.PolicyLinter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checking a stack offline, in pipeline order: load (schema, references, variables), graph
 * (cycles), and optionally the policy lint rules. Never reads AWS.
 */
public final class StackCheck {
  /** Largest stack file the loader reads, in bytes (refused before reading). */
  public static final long MAX_FILE_BYTES = StackLoader.MAX_FILE_BYTES;

  private StackCheck() {}

  /**
   * A lint rule, for reports that list the rules (SARIF).
   *
   * @param id e.g. {@code iam-wildcard-action}
   */
  public record LintRule(String id, Severity severity, String summary) {}

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
        diagnostics.addAll(PolicyLinter.lint(stack));
      }
    }
    return new CheckReport(path.toString(), loaded.stack(), graph, diagnostics);
  }

  /**
   * The checks a loaded stack gets, for a stack that was not loaded from files: a saved plan's
   * resolved stack. The graph (dangling dependencies, cycles), the policy lint rules, and the
   * rule the stack schema enforces on tags (keys starting with {@code rolectl:} are rolectl's).
   */
  static List<Diagnostic> checkResolved(Stack stack) {
    List<Diagnostic> diagnostics = new ArrayList<>(GraphBuilder.build(stack).diagnostics());
    diagnostics.addAll(PolicyLinter.lint(stack));
    diagnostics.addAll(ReservedTags.check(stack));
    return diagnostics;
  }

  /**
   * Optional: starts the one-time set-up of loading (the JSON Schema validator, the lint rules) on
   * a daemon thread and returns at once, so that a front end's start-up can overlap it with its
   * own. Calling it more than once, or never, is fine.
   */
  public static void preload() {
    StackLoader.preload();
  }

  /** Checks {@code source} as an offline command does (placeholder account unless given). */
  public static CheckReport run(StackSource source, boolean lint) {
    return run(source.path(), source.offline(), lint);
  }

  /** Every lint rule, by id. */
  public static List<LintRule> lintRules() {
    return PolicyLinter.rules().stream()
        .map(r -> new LintRule(r.id(), r.severity(), r.summary()))
        .toList();
  }
}

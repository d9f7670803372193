package dev.rolectl.cli.command;

import dev.rolectl.cli.render.RuleInfo;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Stack;
import java.util.List;

/** The bridge to the policy linter, kept in one place. */
final class Lint {
  private Lint() {}

  static List<Diagnostic> lint(Stack stack) {
    // PolicyLinter.lint(stack) arrives with the policy branch.
    return List.of();
  }

  static List<RuleInfo> rules() {
    // PolicyLinter.rules() arrives with the policy branch.
    return List.of();
  }
}

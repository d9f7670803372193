package dev.rolectl.cli.command;

import dev.rolectl.cli.render.RuleInfo;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.policy.lint.PolicyLinter;
import java.util.List;

/** The bridge to the policy linter, kept in one place. */
final class Lint {
  private Lint() {}

  static List<Diagnostic> lint(Stack stack) {
    return PolicyLinter.lint(stack);
  }

  static List<RuleInfo> rules() {
    return PolicyLinter.rules().stream()
        .map(r -> new RuleInfo(r.id(), r.severity(), r.summary()))
        .toList();
  }
}

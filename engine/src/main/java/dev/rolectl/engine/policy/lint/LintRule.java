package dev.rolectl.engine.policy.lint;

/** One lint check. Each rule is a small class listed in {@link PolicyLinter}'s registry. */
interface LintRule {
  RuleInfo info();

  /** Reports findings through {@link LintContext#report}. */
  void check(LintContext ctx);
}

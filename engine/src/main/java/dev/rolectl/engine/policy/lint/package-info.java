/**
 * Policy lint: {@link dev.rolectl.engine.policy.lint.PolicyLinter} runs one small rule class per
 * check over a stack and returns diagnostics; {@code PolicyLinter.rules()} lists the rules.
 */
package dev.rolectl.engine.policy.lint;

package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Severity;
import java.util.Objects;

/**
 * What a lint rule checks, for rule help and SARIF rule metadata.
 *
 * @param id stable kebab-case id, used as {@code Diagnostic.rule()}
 * @param severity the severity of its findings
 * @param summary one line saying what it finds
 */
public record RuleInfo(String id, Severity severity, String summary) {
  public RuleInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
      throw new IllegalArgumentException("rule ids are kebab-case: " + id);
    }
  }
}

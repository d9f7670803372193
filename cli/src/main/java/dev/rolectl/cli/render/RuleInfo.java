package dev.rolectl.cli.render;

import dev.rolectl.engine.model.Severity;
import java.util.Objects;

/** A rule that can produce diagnostics: its id, usual severity and a one-line summary. */
public record RuleInfo(String id, Severity severity, String summary) {
  public RuleInfo {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
  }
}

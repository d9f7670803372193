package dev.rolectl.cli.render;

import dev.rolectl.engine.api.CheckReport;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import java.io.PrintWriter;
import java.util.List;

/** Diagnostics as compiler-style lines, and the one-line summary of a check. */
public final class TextReport {
  private TextReport() {}

  /** One {@code file:line:col: severity[rule]: message} line per diagnostic, in the given order. */
  public static void diagnostics(List<Diagnostic> diagnostics, PrintWriter out, Style style) {
    for (Diagnostic d : diagnostics) {
      out.println(line(d, style));
    }
  }

  /** {@link Diagnostic#format()}, with the severity colored when the style says so. */
  public static String line(Diagnostic d, Style style) {
    String where = d.location() != null ? d.location().toString() : d.address().toString();
    return where + ": " + style.severity(d.severity()) + "[" + d.rule() + "]: " + d.message();
  }

  /** {@code ecs-platform: 5 resources, 0 errors, 0 warnings, 1 suggestion}. */
  public static String summary(CheckReport report) {
    StringBuilder s = new StringBuilder(report.name()).append(": ");
    report.stack().ifPresent(stack -> s.append(Counts.of(stack.resources().size(), "resource")).append(", "));
    return s.append(Counts.of(report.count(Severity.ERROR), "error"))
        .append(", ")
        .append(Counts.of(report.count(Severity.WARNING), "warning"))
        .append(", ")
        .append(Counts.of(report.count(Severity.SUGGESTION), "suggestion"))
        .toString();
  }
}

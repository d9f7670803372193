package dev.rolectl.cli.render;

import dev.rolectl.engine.api.CheckReport;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import java.io.PrintWriter;
import java.util.List;

/** A check as one JSON document (format version 1), for scripts. */
public final class JsonReport {
  static final int FORMAT_VERSION = 1;

  private JsonReport() {}

  record Document(
      int formatVersion,
      String path,
      String stack,
      Integer resources,
      boolean valid,
      Summary summary,
      List<Item> diagnostics) {}

  record Summary(long errors, long warnings, long suggestions) {}

  record Item(
      String severity,
      String rule,
      String file,
      Integer line,
      Integer column,
      String address,
      String message) {}

  public static void write(CheckReport report, PrintWriter out) {
    List<Item> items = report.diagnostics().stream().map(JsonReport::item).toList();
    Json.write(
        new Document(
            FORMAT_VERSION,
            report.subject(),
            report.stack().map(s -> s.name()).orElse(null),
            report.stack().map(s -> s.resources().size()).orElse(null),
            !report.hasErrors(),
            new Summary(
                report.count(Severity.ERROR),
                report.count(Severity.WARNING),
                report.count(Severity.SUGGESTION)),
            items),
        out);
  }

  private static Item item(Diagnostic d) {
    var l = d.location();
    return new Item(
        d.severity().label(),
        d.rule(),
        l == null ? null : l.file(),
        l == null ? null : l.line(),
        l == null ? null : l.column(),
        d.address() == null ? null : d.address().value(),
        d.message());
  }
}

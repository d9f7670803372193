package dev.rolectl.cli.render;

import dev.rolectl.engine.api.CheckReport;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Severity;
import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A check as a SARIF 2.1.0 log, for code scanning tools. File locations are URIs relative to the
 * current directory ({@code %SRCROOT%}); a diagnostic about a resource also names it as a logical
 * location.
 */
public final class SarifReport {
  /** Where rolectl is documented, written as the tool's informationUri. */
  public static final String INFORMATION_URI = "https://rolectl.dev/";

  private SarifReport() {}

  /**
   * Writes {@code report} as SARIF.
   *
   * @param rules every rule rolectl knows, in the order to list them; ids found in the report
   *     but missing here are appended
   * @param toolVersion rolectl's version
   * @param root the directory file URIs are made relative to
   */
  public static void write(
      CheckReport report, List<RuleInfo> rules, String toolVersion, Path root, PrintWriter out) {
    Map<String, RuleInfo> byId = new LinkedHashMap<>();
    rules.forEach(r -> byId.putIfAbsent(r.id(), r));
    for (String id : new TreeSet<>(report.diagnostics().stream().map(Diagnostic::rule).toList())) {
      byId.putIfAbsent(id, new RuleInfo(id, Severity.ERROR, id));
    }
    List<String> ids = List.copyOf(byId.keySet());
    List<Sarif.Rule> sarifRules =
        byId.values().stream()
            .map(
                r ->
                    new Sarif.Rule(
                        r.id(),
                        new Sarif.Message(r.summary()),
                        new Sarif.Configuration(level(r.severity()))))
            .toList();

    Path base = root.toAbsolutePath().normalize();
    List<Sarif.Result> results = new ArrayList<>();
    for (Diagnostic d : report.diagnostics()) {
      results.add(
          new Sarif.Result(
              d.rule(),
              ids.indexOf(d.rule()),
              level(d.severity()),
              new Sarif.Message(d.message()),
              List.of(location(d, base))));
    }
    Sarif.Run run =
        new Sarif.Run(
            new Sarif.Tool(new Sarif.Driver("rolectl", toolVersion, INFORMATION_URI, sarifRules)),
            Map.of(Sarif.SOURCE_ROOT, new Sarif.ArtifactLocation(base.toUri().toString(), null)),
            results,
            List.of(new Sarif.Invocation(true)));
    Json.write(new Sarif.Log(Sarif.SCHEMA, Sarif.VERSION, List.of(run)), out);
  }

  static String level(Severity severity) {
    return switch (severity) {
      case ERROR -> "error";
      case WARNING -> "warning";
      case SUGGESTION -> "note";
    };
  }

  private static Sarif.Location location(Diagnostic d, Path base) {
    Sarif.PhysicalLocation physical = null;
    if (d.location() != null) {
      physical =
          new Sarif.PhysicalLocation(
              artifact(Path.of(d.location().file()), base),
              new Sarif.Region(d.location().line(), d.location().column()));
    }
    List<Sarif.LogicalLocation> logical =
        d.address() == null
            ? null
            : List.of(new Sarif.LogicalLocation(d.address().value(), "resource"));
    return new Sarif.Location(physical, logical);
  }

  /** Relative to {@code base} with forward slashes when inside it, else an absolute file URI. */
  static Sarif.ArtifactLocation artifact(Path file, Path base) {
    Path absolute = file.toAbsolutePath().normalize();
    if (!absolute.startsWith(base)) {
      return new Sarif.ArtifactLocation(absolute.toUri().toString(), null);
    }
    String relative = base.relativize(absolute).toString().replace('\\', '/');
    try {
      return new Sarif.ArtifactLocation(
          new URI(null, null, relative, null).toASCIIString(), Sarif.SOURCE_ROOT);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("cannot make a URI of " + relative, e);
    }
  }
}

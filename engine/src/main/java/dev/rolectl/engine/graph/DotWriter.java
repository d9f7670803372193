package dev.rolectl.engine.graph;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Resource;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.nio.Attribute;
import org.jgrapht.nio.DefaultAttribute;
import org.jgrapht.nio.dot.DOTExporter;

/** Writes a dependency graph as Graphviz DOT with JGraphT's exporter. */
final class DotWriter {
  private DotWriter() {}

  static String write(
      String stackName, Graph<Address, DefaultEdge> graph, Map<Address, Resource> resources) {
    DOTExporter<Address, DefaultEdge> exporter = new DOTExporter<>(a -> quote(a.value()));
    exporter.setGraphIdProvider(() -> quote(stackName));
    exporter.setGraphAttributeProvider(
        () -> {
          Map<String, Attribute> attributes = new LinkedHashMap<>();
          attributes.put("rankdir", DefaultAttribute.createAttribute("LR"));
          return attributes;
        });
    exporter.setVertexAttributeProvider(
        a -> {
          Map<String, Attribute> attributes = new LinkedHashMap<>();
          String label = escape(a.value()) + "\\n(" + ResourceKind.of(resources.get(a)) + ")";
          attributes.put("label", DefaultAttribute.createAttribute(label));
          attributes.put("shape", DefaultAttribute.createAttribute("box"));
          return attributes;
        });
    StringWriter out = new StringWriter();
    exporter.exportGraph(graph, out);
    return out.toString();
  }

  /** A DOT quoted string (the exporter accepts any {@code "..."} as an id). */
  static String quote(String raw) {
    return "\"" + escape(raw).replace("\"", "\\\"") + "\"";
  }

  /** Escapes backslashes; the exporter escapes double quotes of attribute values itself. */
  private static String escape(String raw) {
    return raw.replace("\\", "\\\\");
  }
}

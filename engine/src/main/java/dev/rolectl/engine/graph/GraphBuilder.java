package dev.rolectl.engine.graph;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Builds the dependency graph of a {@link Stack}: one node per resource, one edge per entry of
 * {@link Resource#dependsOn()}. Reports every dangling dependency and every dependency cycle as
 * an error diagnostic; the graph is returned only when there is none.
 */
public final class GraphBuilder {
  /** Rule id of a dependency cycle. */
  public static final String RULE_CYCLE = "cycle";

  /** Rule id of a dependency on an address that is not in the stack. */
  public static final String RULE_REFERENCE = "reference";

  /** Rule id of two resources with the same address. */
  public static final String RULE_DUPLICATE = "duplicate";

  private GraphBuilder() {}

  /**
   * IAM role and policy names are unique case-insensitively: {@code DeployRole} and {@code
   * deployrole} cannot both exist, so a stack cannot declare both.
   */
  private static List<Diagnostic> sameNameIgnoringCase(java.util.Collection<Resource> resources) {
    List<Diagnostic> out = new ArrayList<>();
    Map<String, Resource> seen = new java.util.HashMap<>();
    for (Resource r : resources) {
      String name =
          r instanceof dev.rolectl.engine.model.Role role
              ? "role " + role.name()
              : r instanceof dev.rolectl.engine.model.ManagedPolicy p ? "policy " + p.name()
              : r instanceof dev.rolectl.engine.model.InstanceProfile ip
                  ? "instance profile " + ip.name() : null;
      if (name == null) {
        continue;
      }
      Resource first = seen.putIfAbsent(name.toLowerCase(java.util.Locale.ROOT), r);
      if (first instanceof dev.rolectl.engine.model.InstanceProfile) {
        out.add(Diagnostic.error(RULE_DUPLICATE, r.location(), r.address() + " and "
            + first.address() + " (at " + first.location() + ") declare the same " + name
            + " (IAM names are case-insensitive), and an instance profile holds one role: give"
            + " one of them another name."));
      } else if (first != null) {
        out.add(
            Diagnostic.error(
                RULE_DUPLICATE,
                r.location(),
                r.address() + " and " + first.address() + " (at " + first.location() + ") differ"
                    + " only in case, and IAM names are case-insensitive (it cannot hold both);"
                    + " rename or remove one of them."));
      }
    }
    return out;
  }

  /** Builds the graph of {@code stack}, or explains why its resources cannot be ordered. */
  public static GraphResult build(Stack stack) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Map<Address, Resource> byAddress = new TreeMap<>();
    for (Resource r : stack.resources()) {
      Resource first = byAddress.putIfAbsent(r.address(), r);
      if (first != null) {
        diagnostics.add(
            Diagnostic.error(
                RULE_DUPLICATE,
                r.location(),
                r.address()
                    + " is declared twice (first at "
                    + first.location()
                    + "); rename or remove one of them."));
      }
    }

    diagnostics.addAll(sameNameIgnoringCase(byAddress.values()));

    // Edges point from the dependant to its dependency ("depends on").
    Graph<Address, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    byAddress.keySet().forEach(graph::addVertex);
    for (Resource r : byAddress.values()) {
      for (Address dependency : r.dependsOn().stream().sorted().toList()) {
        if (byAddress.containsKey(dependency)) {
          graph.addEdge(r.address(), dependency);
        } else {
          diagnostics.add(
              Diagnostic.error(
                  RULE_REFERENCE,
                  r.location(),
                  r.address()
                      + " depends on "
                      + dependency
                      + ", which is not in the stack; declare "
                      + dependency
                      + " or remove the reference to it."));
        }
      }
    }

    diagnostics.addAll(CycleFinder.find(graph, byAddress));
    diagnostics.sort(
        Comparator.comparing(Diagnostic::location, CycleFinder.LOCATION_ORDER)
            .thenComparing(Diagnostic::message));
    if (diagnostics.stream().anyMatch(Diagnostic::isError)) {
      return new GraphResult(Optional.empty(), diagnostics);
    }
    return new GraphResult(
        Optional.of(new ResourceGraph(stack.name(), graph, byAddress)), diagnostics);
  }
}

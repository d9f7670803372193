package dev.rolectl.engine.graph;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Resource;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;
import org.jgrapht.Graph;
import org.jgrapht.Graphs;
import org.jgrapht.graph.AsUnmodifiableGraph;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.traverse.TopologicalOrderIterator;

/**
 * The acyclic dependency graph of a stack's resources. Immutable; every ordering is deterministic,
 * with ties between independent resources broken by address. Sets are returned sorted by address.
 */
public final class ResourceGraph {
  private final String stackName;
  private final Graph<Address, DefaultEdge> graph; // dependant -> dependency
  private final Map<Address, Resource> resources;
  private final List<Address> createOrder;
  private final List<Address> deleteOrder;

  ResourceGraph(String stackName, Graph<Address, DefaultEdge> graph, Map<Address, Resource> byAddress) {
    this.stackName = stackName;
    this.graph = new AsUnmodifiableGraph<>(graph);
    this.resources = Map.copyOf(byAddress);
    this.createOrder = topological(new EdgeReversedGraph<>(this.graph));
    this.deleteOrder = topological(this.graph);
  }

  private static List<Address> topological(Graph<Address, DefaultEdge> g) {
    List<Address> order = new ArrayList<>(g.vertexSet().size());
    new TopologicalOrderIterator<>(g, Address::compareTo).forEachRemaining(order::add);
    return List.copyOf(order);
  }

  /** The stack's name. */
  public String stackName() {
    return stackName;
  }

  /** Every address in the graph, sorted. */
  public SortedSet<Address> addresses() {
    return Collections.unmodifiableSortedSet(new TreeSet<>(graph.vertexSet()));
  }

  /** The resource at {@code address}; throws if it is not in the graph. */
  public Resource resource(Address address) {
    check(address);
    return resources.get(address);
  }

  /** Creation (and update) order: every resource after all of its dependencies. */
  public List<Address> createOrder() {
    return createOrder;
  }

  /** Deletion order: every resource before all of the resources it depends on. */
  public List<Address> deleteOrder() {
    return deleteOrder;
  }

  /** What {@code address} depends on directly. */
  public SortedSet<Address> directDependencies(Address address) {
    check(address);
    return sorted(Graphs.successorListOf(graph, address));
  }

  /** What depends directly on {@code address}. */
  public SortedSet<Address> directDependents(Address address) {
    check(address);
    return sorted(Graphs.predecessorListOf(graph, address));
  }

  /** What depends on {@code address}, directly or through others (not {@code address} itself). */
  public SortedSet<Address> dependents(Address address) {
    return closure(address, a -> Graphs.predecessorListOf(graph, a));
  }

  /** What {@code address} depends on, directly or through others (not {@code address} itself). */
  public SortedSet<Address> dependencies(Address address) {
    return closure(address, a -> Graphs.successorListOf(graph, a));
  }

  /**
   * The graph in Graphviz DOT. Nodes are quoted addresses labelled with address and kind; an edge
   * {@code "A" -> "B"} means A depends on B (B is created first).
   */
  public String toDot() {
    return DotWriter.write(stackName, graph, resources);
  }

  private SortedSet<Address> closure(Address start, Function<Address, List<Address>> next) {
    check(start);
    Set<Address> seen = new TreeSet<>();
    Deque<Address> todo = new ArrayDeque<>(next.apply(start));
    while (!todo.isEmpty()) {
      Address a = todo.pop();
      if (seen.add(a)) {
        todo.addAll(next.apply(a));
      }
    }
    return sorted(seen);
  }

  private static SortedSet<Address> sorted(java.util.Collection<Address> addresses) {
    return Collections.unmodifiableSortedSet(new TreeSet<>(addresses));
  }

  private void check(Address address) {
    if (!graph.containsVertex(address)) {
      throw new IllegalArgumentException(address + " is not in stack " + stackName);
    }
  }
}

package dev.rolectl.engine.graph;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jgrapht.Graph;
import org.jgrapht.alg.cycle.TarjanSimpleCycles;
import org.jgrapht.graph.DefaultEdge;

/**
 * Finds the elementary cycles of a dependency graph (Tarjan's algorithm: each cycle exactly
 * once) and turns each into one diagnostic. Each cycle is printed starting at the resource that is
 * declared first in the stack files, and the diagnostic is located there.
 */
final class CycleFinder {
  /** More cycles than this are summarised: fixing the first ones usually removes the rest. */
  static final int MAX_REPORTED = 20;

  static final Comparator<Location> LOCATION_ORDER =
      Comparator.comparing(Location::file)
          .thenComparingInt(Location::line)
          .thenComparingInt(Location::column);

  private CycleFinder() {}

  static List<Diagnostic> find(Graph<Address, DefaultEdge> graph, Map<Address, Resource> byAddress) {
    Comparator<Address> declared =
        Comparator.comparing((Address a) -> byAddress.get(a).location(), LOCATION_ORDER)
            .thenComparing(Comparator.naturalOrder());
    List<List<Address>> cycles = new ArrayList<>();
    boolean[] truncated = {false};
    try {
      new TarjanSimpleCycles<>(graph)
          .findSimpleCycles(
              cycle -> {
                if (cycles.size() == MAX_REPORTED) {
                  truncated[0] = true;
                  throw new Enough();
                }
                cycles.add(rotate(cycle, declared));
              });
    } catch (Enough stop) {
      // reported below
    }
    Comparator<List<Address>> byStart =
        Comparator.comparing((List<Address> c) -> c.get(0), declared)
            .thenComparing(c -> c.stream().map(Address::value).collect(Collectors.joining(" ")));
    cycles.sort(byStart);

    List<Diagnostic> diagnostics = new ArrayList<>();
    for (List<Address> cycle : cycles) {
      diagnostics.add(
          Diagnostic.error(
              GraphBuilder.RULE_CYCLE,
              byAddress.get(cycle.get(0)).location(),
              message(cycle)));
    }
    if (truncated[0]) {
      Address first = cycles.get(0).get(0);
      diagnostics.add(
          Diagnostic.error(
              GraphBuilder.RULE_CYCLE,
              byAddress.get(first).location(),
              "more than "
                  + MAX_REPORTED
                  + " dependency cycles; only the first "
                  + MAX_REPORTED
                  + " are shown. Fix those and validate again."));
    }
    return diagnostics;
  }

  /** The cycle in edge order ("depends on"), starting at its first-declared resource. */
  private static List<Address> rotate(List<Address> cycle, Comparator<Address> declared) {
    List<Address> rotated = new ArrayList<>(cycle);
    Collections.rotate(rotated, -rotated.indexOf(Collections.min(rotated, declared)));
    return List.copyOf(rotated);
  }

  private static String message(List<Address> cycle) {
    String path =
        cycle.stream().map(Address::value).collect(Collectors.joining(" -> "))
            + " -> "
            + cycle.get(0);
    if (cycle.size() == 1) {
      return "dependency cycle: "
          + path
          + " (it refers to itself). A resource cannot depend on itself: remove the ${...}"
          + " reference to "
          + cycle.get(0)
          + " from its own definition.";
    }
    return "dependency cycle: "
        + path
        + ". No creation order satisfies it: remove one of these ${...} references. Where a"
        + " permission policy only names the ARN (as a Resource), write it out with"
        + " ${aws.partition} and ${aws.accountId} instead of ${roles.NAME.arn}.";
  }

  /** Stops the enumeration once enough cycles are known. */
  private static final class Enough extends RuntimeException {
    Enough() {
      super(null, null, false, false);
    }
  }
}

package dev.rolectl.engine.graph;

import static dev.rolectl.engine.graph.Stacks.role;
import static dev.rolectl.engine.graph.Stacks.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Orders respect every edge of random acyclic stacks, whatever the declaration order. Seeded, so a
 * failure names the seed that reproduces it.
 */
class OrderPropertiesTest {

  /** A random DAG: resource i may depend only on resources with a smaller index. */
  private static List<Resource> randomDag(int size, long seed) {
    Random random = new Random(seed);
    List<Resource> resources = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      List<String> deps = new ArrayList<>();
      for (int j = 0; j < i; j++) {
        if (random.nextInt(4) == 0) {
          deps.add("r" + j);
        }
      }
      resources.add(role("r" + i, i + 1, deps.toArray(String[]::new)));
    }
    Collections.shuffle(resources, random);
    return resources;
  }

  @Test
  void createOrderPutsDependenciesFirstAndDeleteOrderLast() {
    for (long seed = 0; seed < 200; seed++) {
      createOrderPutsDependenciesFirstAndDeleteOrderLast((int) (seed % 26), seed);
    }
  }

  private static void createOrderPutsDependenciesFirstAndDeleteOrderLast(int size, long seed) {
    List<Resource> resources = randomDag(size, seed);
    ResourceGraph g = GraphBuilder.build(stack(resources.toArray(Resource[]::new))).graph().orElseThrow();

    assertEquals(size, g.createOrder().size());
    assertEquals(size, g.deleteOrder().size());
    for (Resource r : resources) {
      for (Address dep : r.dependsOn()) {
        String where = "seed " + seed + ": " + r.address() + " -> " + dep;
        assertTrue(g.createOrder().indexOf(dep) < g.createOrder().indexOf(r.address()), where);
        assertTrue(g.deleteOrder().indexOf(dep) > g.deleteOrder().indexOf(r.address()), where);
        assertTrue(g.dependents(dep).contains(r.address()), where);
        assertTrue(g.dependencies(r.address()).contains(dep), where);
      }
    }
  }

  @Test
  void transitiveDependentsAreExactlyTheResourcesThatReachIt() {
    for (long seed = 0; seed < 100; seed++) {
      transitiveDependentsAreExactlyTheResourcesThatReachIt(1 + (int) (seed % 20), seed);
    }
  }

  private static void transitiveDependentsAreExactlyTheResourcesThatReachIt(int size, long seed) {
    ResourceGraph g =
        GraphBuilder.build(stack(randomDag(size, seed).toArray(Resource[]::new))).graph().orElseThrow();
    java.util.Map<Address, java.util.Set<Address>> dependencies = new java.util.HashMap<>();
    g.addresses().forEach(a -> dependencies.put(a, g.dependencies(a)));
    for (Address a : g.addresses()) {
      java.util.Set<Address> dependents = g.dependents(a);
      for (Address b : g.addresses()) {
        assertEquals(dependents.contains(b), dependencies.get(b).contains(a), "seed " + seed);
      }
      assertTrue(!dependents.contains(a), "seed " + seed);
    }
  }
}

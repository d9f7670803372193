package dev.rolectl.engine.graph;

import static dev.rolectl.engine.graph.Stacks.addresses;
import static dev.rolectl.engine.graph.Stacks.inline;
import static dev.rolectl.engine.graph.Stacks.role;
import static dev.rolectl.engine.graph.Stacks.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Severity;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class GraphBuilderTest {

  private static ResourceGraph ok(Resource... resources) {
    GraphResult result = GraphBuilder.build(stack(resources));
    assertEquals(List.of(), result.diagnostics());
    assertTrue(result.ok());
    return result.graph().orElseThrow();
  }

  private static List<String> messages(GraphResult result) {
    return result.diagnostics().stream().map(Diagnostic::format).toList();
  }

  @Test
  void linearChainIsCreatedDependenciesFirstAndDeletedInReverse() {
    // c depends on b depends on a; declared in the "wrong" order on purpose.
    ResourceGraph g = ok(role("c", 1, "b"), role("b", 5, "a"), role("a", 9));

    assertEquals(addresses("roles.a", "roles.b", "roles.c"), g.createOrder());
    assertEquals(addresses("roles.c", "roles.b", "roles.a"), g.deleteOrder());
    assertEquals(addresses("roles.b", "roles.c"), List.copyOf(g.dependents(Address.role("a"))));
    assertEquals(addresses("roles.b"), List.copyOf(g.directDependents(Address.role("a"))));
    assertEquals(addresses("roles.b"), List.copyOf(g.directDependencies(Address.role("c"))));
    assertEquals(addresses("roles.a", "roles.b"), List.copyOf(g.dependencies(Address.role("c"))));
    assertTrue(g.dependents(Address.role("c")).isEmpty());
  }

  @Test
  void rolesWhoseNamesDifferOnlyInCaseAreDuplicates() {
    GraphResult result = GraphBuilder.build(stack(role("DeployRole", 1), role("deployrole", 7)));
    assertTrue(result.graph().isEmpty());
    var d = result.diagnostics().get(0);
    assertEquals(GraphBuilder.RULE_DUPLICATE, d.rule());
    assertTrue(d.message().contains("case-insensitive") && d.message().contains("stack.yaml:"),
        d.message());
  }

  @Test
  void diamondOrdersTiesByAddress() {
    // top depends on left and right, both depend on base.
    ResourceGraph g =
        ok(role("top", 1, "right", "left"), role("right", 2, "base"), role("left", 3, "base"),
            role("base", 4));

    assertEquals(
        addresses("roles.base", "roles.left", "roles.right", "roles.top"), g.createOrder());
    assertEquals(
        addresses("roles.top", "roles.left", "roles.right", "roles.base"), g.deleteOrder());
    assertEquals(
        addresses("roles.left", "roles.right", "roles.top"),
        List.copyOf(g.dependents(Address.role("base"))));
    assertEquals(
        addresses("roles.left", "roles.right"),
        List.copyOf(g.directDependencies(Address.role("top"))));
  }

  @Test
  void inlinePolicyComesAfterItsRoleAndTheRolesItNames() {
    ResourceGraph g = ok(inline("app", "s3", 4, "audit"), role("app", 1), role("audit", 10));

    List<Address> order = g.createOrder();
    assertEquals(
        addresses("roles.app", "roles.audit", "roles.app.inlinePolicies.s3"), order);
    assertEquals(
        addresses("roles.app.inlinePolicies.s3"), List.copyOf(g.dependents(Address.role("app"))));
  }

  @Test
  void twoCyclesAreEachReportedOnceWithTheirPathAndLocation() {
    GraphResult result =
        GraphBuilder.build(
            stack(
                role("a", 1, "b"),
                role("b", 5, "a"),
                role("x", 9, "y"),
                role("y", 13, "z"),
                role("z", 17, "x"),
                role("free", 21)));

    assertFalse(result.ok());
    assertEquals(
        List.of(
            "stack.yaml:1:3: error[cycle]: dependency cycle: roles.a -> roles.b -> roles.a. No"
                + " creation order satisfies it: remove one of these ${...} references. Where a"
                + " permission policy only names the ARN (as a Resource), write it out with"
                + " ${aws.partition} and ${aws.accountId} instead of ${roles.NAME.arn}.",
            "stack.yaml:9:3: error[cycle]: dependency cycle: roles.x -> roles.y -> roles.z ->"
                + " roles.x. No creation order satisfies it: remove one of these ${...}"
                + " references. Where a permission policy only names the ARN (as a Resource),"
                + " write it out with ${aws.partition} and ${aws.accountId} instead of"
                + " ${roles.NAME.arn}."),
        messages(result));
  }

  @Test
  void cycleStartsAtTheResourceDeclaredFirstNotTheSmallestAddress() {
    // zeta is declared first; the path follows "depends on" edges from there.
    GraphResult result =
        GraphBuilder.build(stack(role("zeta", 2, "alpha"), role("alpha", 30, "mid"), role("mid", 40, "zeta")));

    assertEquals(1, result.diagnostics().size());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals(2, d.location().line());
    assertTrue(
        d.message().startsWith("dependency cycle: roles.zeta -> roles.alpha -> roles.mid -> roles.zeta."),
        d.message());
  }

  @Test
  void cyclesSharingAResourceAreBothReported() {
    GraphResult result =
        GraphBuilder.build(stack(role("hub", 1, "b", "c"), role("b", 2, "hub"), role("c", 3, "hub")));

    List<String> paths =
        result.diagnostics().stream().map(d -> d.message().split("\\. ")[0]).toList();
    assertEquals(
        List.of(
            "dependency cycle: roles.hub -> roles.b -> roles.hub",
            "dependency cycle: roles.hub -> roles.c -> roles.hub"),
        paths);
  }

  @Test
  void selfLoopIsACycle() {
    GraphResult result = GraphBuilder.build(stack(role("me", 3, "me"), role("other", 7)));

    assertFalse(result.ok());
    assertEquals(
        List.of(
            "stack.yaml:3:3: error[cycle]: dependency cycle: roles.me -> roles.me (it refers to"
                + " itself). A resource cannot depend on itself: remove the ${...} reference to"
                + " roles.me from its own definition."),
        messages(result));
  }

  @Test
  void manyCyclesAreCappedWithASummary() {
    // A complete digraph on 6 nodes has far more than 20 elementary cycles.
    String[] names = {"a", "b", "c", "d", "e", "f"};
    List<Resource> roles = new ArrayList<>();
    for (int i = 0; i < names.length; i++) {
      List<String> others = new ArrayList<>(List.of(names));
      others.remove(names[i]);
      roles.add(role(names[i], i + 1, others.toArray(String[]::new)));
    }
    GraphResult result = GraphBuilder.build(stack(roles.toArray(Resource[]::new)));

    assertEquals(CycleFinder.MAX_REPORTED + 1, result.diagnostics().size());
    assertTrue(
        result.diagnostics().stream()
            .anyMatch(d -> d.message().startsWith("more than 20 dependency cycles")));
    assertTrue(result.diagnostics().stream().allMatch(d -> d.rule().equals("cycle")));
  }

  @Test
  void dependencyOutsideTheStackIsAnErrorAtTheResource() {
    GraphResult result = GraphBuilder.build(stack(role("a", 4, "ghost"), role("b", 8)));

    assertFalse(result.ok());
    assertEquals(
        List.of(
            "stack.yaml:4:3: error[reference]: roles.a depends on roles.ghost, which is not in"
                + " the stack; declare roles.ghost or remove the reference to it."),
        messages(result));
  }

  @Test
  void duplicateAddressIsAnError() {
    GraphResult result = GraphBuilder.build(stack(role("a", 4), role("a", 9)));

    assertEquals(1, result.diagnostics().size());
    Diagnostic d = result.diagnostics().get(0);
    assertEquals(Severity.ERROR, d.severity());
    assertEquals("duplicate", d.rule());
    assertEquals(9, d.location().line());
    assertTrue(d.message().contains("first at stack.yaml:4:3"), d.message());
  }

  @Test
  void emptyStackHasAnEmptyGraph() {
    ResourceGraph g = ok();
    assertEquals(List.of(), g.createOrder());
    assertEquals(List.of(), g.deleteOrder());
    assertTrue(g.addresses().isEmpty());
  }

  @Test
  void unknownAddressIsRejected() {
    ResourceGraph g = ok(role("a", 1));
    assertThrows(IllegalArgumentException.class, () -> g.dependents(Address.role("nope")));
    assertThrows(IllegalArgumentException.class, () -> g.resource(Address.role("nope")));
    assertEquals("a", ((dev.rolectl.engine.model.Role) g.resource(Address.role("a"))).name());
  }

  @Test
  void resultDoesNotDependOnDeclarationOrder() {
    List<Resource> resources =
        new ArrayList<>(
            List.of(
                role("a", 1),
                role("b", 2, "a"),
                role("c", 3, "a"),
                role("d", 4, "b", "c"),
                role("e", 5),
                role("f", 6, "e", "a"),
                inline("d", "p", 7, "f")));
    ResourceGraph first = ok(resources.toArray(Resource[]::new));
    Random random = new Random(42);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(resources, random);
      ResourceGraph again = ok(resources.toArray(Resource[]::new));
      assertEquals(first.createOrder(), again.createOrder());
      assertEquals(first.deleteOrder(), again.deleteOrder());
      assertEquals(first.toDot(), again.toDot());
    }
    assertEquals(
        addresses("roles.a", "roles.b", "roles.c", "roles.d", "roles.e", "roles.f",
            "roles.d.inlinePolicies.p"),
        first.createOrder());
  }

  @Test
  void cycleReportDoesNotDependOnDeclarationOrder() {
    List<Resource> resources =
        new ArrayList<>(
            List.of(role("a", 1, "b"), role("b", 2, "c", "a"), role("c", 3, "a"), role("d", 4, "d")));
    List<String> first = messages(GraphBuilder.build(stack(resources.toArray(Resource[]::new))));
    assertEquals(3, first.size());
    Random random = new Random(7);
    for (int i = 0; i < 20; i++) {
      Collections.shuffle(resources, random);
      assertEquals(first, messages(GraphBuilder.build(stack(resources.toArray(Resource[]::new)))));
    }
  }
}

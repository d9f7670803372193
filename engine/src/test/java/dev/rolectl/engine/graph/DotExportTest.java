package dev.rolectl.engine.graph;

import static dev.rolectl.engine.graph.Stacks.inline;
import static dev.rolectl.engine.graph.Stacks.role;
import static dev.rolectl.engine.graph.Stacks.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.RolePolicyAttachment;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DotExportTest {

  @Test
  void writesQuotedNodesWithKindLabelsAndDependsOnEdges() {
    String arn = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    RolePolicyAttachment attachment =
        new RolePolicyAttachment(
            Address.attachment("app", arn),
            new Location("stack.yaml", 3, 7),
            "app",
            arn,
            Set.of(Address.role("app")));
    ResourceGraph g =
        GraphBuilder.build(stack(role("app", 1), inline("app", "s3", 5), attachment))
            .graph()
            .orElseThrow();

    String expected =
        String.join(
            System.lineSeparator(),
            "strict digraph \"test\" {",
            "  rankdir=LR;",
            "  \"roles.app\" [ label=\"roles.app\\n(role)\" shape=\"box\" ];",
            "  \"roles.app.inlinePolicies.s3\" [ label=\"roles.app.inlinePolicies.s3\\n(inline"
                + " policy)\" shape=\"box\" ];",
            "  \"roles.app.managedPolicies[\\\"arn:aws:iam::aws:policy/ReadOnlyAccess\\\"]\" [ label=\"roles.app.managedPolicies[\\\"arn:aws:iam::aws:policy/ReadOnlyAccess\\\"]\\n(policy"
                + " attachment)\" shape=\"box\" ];",
            "  \"roles.app.inlinePolicies.s3\" -> \"roles.app\";",
            "  \"roles.app.managedPolicies[\\\"arn:aws:iam::aws:policy/ReadOnlyAccess\\\"]\" ->"
                + " \"roles.app\";",
            "}",
            "");
    assertEquals(expected, g.toDot());
  }
}

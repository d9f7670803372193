package dev.rolectl.engine.graph;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** Builds small stacks for graph tests. */
final class Stacks {
  private static final PolicyDocument EMPTY =
      new PolicyDocument(PolicyDocument.CURRENT_VERSION, null, List.of());

  private Stacks() {}

  static Stack stack(Resource... resources) {
    return new Stack(
        "test",
        null,
        "123456789012",
        "aws",
        Map.of(),
        List.of(resources),
        StackSettings.defaults(),
        SourceMap.empty());
  }

  /** A role declared at {@code line} of stack.yaml that depends on the given roles. */
  static Role role(String name, int line, String... dependsOnRoles) {
    return new Role(
        Address.role(name),
        new Location("stack.yaml", line, 3),
        name,
        "/",
        null,
        Role.DEFAULT_MAX_SESSION_DURATION,
        EMPTY,
        null,
        Map.of(),
        null,
        false,
        false,
        roles(dependsOnRoles));
  }

  static InlinePolicy inline(String role, String name, int line, String... dependsOnRoles) {
    Set<Address> deps = new java.util.HashSet<>(roles(dependsOnRoles));
    deps.add(Address.role(role));
    return new InlinePolicy(
        Address.inline(role, name), new Location("stack.yaml", line, 7), role, name, EMPTY, deps);
  }

  static Set<Address> roles(String... names) {
    return Arrays.stream(names).map(Address::role).collect(Collectors.toSet());
  }

  static List<Address> addresses(String... values) {
    return Arrays.stream(values).map(Address::new).toList();
  }
}

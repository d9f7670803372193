package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.Stack;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The live instance profiles that concern a stack, as model resources at {@code
 * roles.ROLE.instanceProfile}: each profile a role declares (by name, as IAM matches names),
 * whoever owns it, and each profile tagged with this stack that holds a role of the stack, or
 * that holds none and is named as a role of the stack (an apply stopped between taking the role
 * out and deleting it): it goes when no role declares it any more. Profiles of other owners that merely hold a role of the
 * stack are not resources: the role's delete or replace names them ("removed from instance
 * profile X", the {@code ec2-role-delete} verdict).
 */
final class InstanceProfiles {
  private InstanceProfiles() {}

  /**
   * @param rolesInScope lower-case live role name to the name the plan knows it by, for each role
   *     the stack declares or owns
   */
  static void add(Stack stack, LiveAccount live, Map<String, String> rolesInScope,
      Map<Address, dev.rolectl.engine.model.Resource> out, Map<Address, Ownership> ownership) {
    Set<String> placed = new HashSet<>();
    stack.resources(InstanceProfile.class).forEach(d -> live.instanceProfile(d.name()).ifPresent(p -> {
      out.put(d.address(), resource(d.address(), p, rolesInScope));
      ownership.put(d.address(), Ownership.of(stack.name(), p.path(), p.tags()));
      placed.add(lower(p.name()));
    }));
    for (LiveInstanceProfile p : live.instanceProfiles().values()) {
      if (placed.contains(lower(p.name()))
          || Ownership.of(stack.name(), p.path(), p.tags()) != Ownership.OURS) {
        continue;
      }
      List<String> holders = p.roles();
      if (holders.isEmpty() && rolesInScope.containsKey(lower(p.name()))) {
        holders = List.of(p.name()); // ours, left empty (an apply stopped between its calls)
      }
      for (String role : holders) {
        String as = rolesInScope.get(lower(role));
        Address address = as == null ? null : Address.instanceProfile(as);
        if (address != null && !out.containsKey(address)) {
          out.put(address, resource(address, p, rolesInScope));
          ownership.put(address, Ownership.OURS);
          break;
        }
      }
    }
  }

  private static InstanceProfile resource(Address address, LiveInstanceProfile p,
      Map<String, String> rolesInScope) {
    String role = p.roles().isEmpty() ? null : p.roles().get(0);
    String as = role == null ? null : rolesInScope.getOrDefault(lower(role), role);
    return new InstanceProfile(address, CurrentState.LIVE, p.name(), p.path(), as, p.tags(), false,
        as == null ? Set.of() : Set.of(Address.role(as)));
  }

  private static String lower(String name) {
    return name.toLowerCase(Locale.ROOT);
  }
}

package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The part of a live account that concerns a stack, as model resources: every role and customer
 * policy the stack declares or owns (by tag), with their attachments and inline policies.
 *
 * @param resources live resources by address
 * @param ownership ownership of each live role and policy in scope
 */
record CurrentState(Map<Address, Resource> resources, Map<Address, Ownership> ownership) {

  /** The location given to resources that come from live IAM rather than a stack file. */
  static final Location LIVE = Location.startOf("(live)");

  CurrentState {
    resources = Map.copyOf(resources);
    ownership = Map.copyOf(ownership);
  }

  static CurrentState of(Stack stack, LiveAccount live) {
    Map<Address, Resource> resources = new TreeMap<>();
    Map<Address, Ownership> ownership = new TreeMap<>();
    Set<Address> declared = new HashSet<>();
    stack.resources().forEach(r -> declared.add(r.address()));
    Map<String, String> roleNames = declaredNames(stack, Role.class);
    Map<String, String> policyNames = declaredNames(stack, ManagedPolicy.class);
    Map<String, String> principalNames = new HashMap<>();
    stack.resources(PrincipalPolicyAttachment.class)
        .forEach(
            a -> {
              String key = a.principalType() + "/" + a.principalName();
              principalNames.put(key.toLowerCase(Locale.ROOT), key);
            });
    Set<String> managedRoles = new HashSet<>();
    Map<String, String> rolesInScope = new HashMap<>();
    Set<String> othersPolicies = otherStacksPolicies(stack.name(), live);
    Map<String, Address> policiesByArn = new TreeMap<>();
    for (LiveManagedPolicy policy : live.policies().values()) {
      Address address = Address.policy(as(policyNames, policy.name()));
      if (Ownership.of(stack.name(), policy.path(), policy.tags()) == Ownership.OURS
          || declared.contains(address)) {
        policiesByArn.put(policy.arn(), address);
      }
    }
    for (LiveRole role : live.roles().values()) {
      String name = as(roleNames, role.name());
      Address address = Address.role(name);
      Ownership owner = Ownership.of(stack.name(), role.path(), role.tags());
      if (owner != Ownership.OURS && !declared.contains(address)) {
        continue;
      }
      ownership.put(address, owner);
      managedRoles.add(role.name());
      rolesInScope.put(role.name().toLowerCase(Locale.ROOT), name);
      addRole(role, name, policiesByArn, othersPolicies, resources);
    }
    for (LiveManagedPolicy policy : live.policies().values()) {
      String name = as(policyNames, policy.name());
      Address address = Address.policy(name);
      Ownership owner = Ownership.of(stack.name(), policy.path(), policy.tags());
      if (owner != Ownership.OURS && !declared.contains(address)) {
        continue;
      }
      ownership.put(address, owner);
      addPolicy(policy, name, principalNames, managedRoles, awsOwned(live), resources);
    }
    InstanceProfiles.add(stack, live, rolesInScope, resources, ownership);
    return new CurrentState(resources, ownership);
  }

  /**
   * ARNs of the customer policies that another rolectl stack owns: their attachments are that
   * stack's ({@code attachTo}), never this stack's drift.
   */
  static Set<String> otherStacksPolicies(String stackName, LiveAccount live) {
    Set<String> arns = new HashSet<>();
    for (LiveManagedPolicy p : live.policies().values()) {
      if (Ownership.of(stackName, p.path(), p.tags()) == Ownership.OTHER_STACK) {
        arns.add(p.arn());
      }
    }
    return arns;
  }

  static void addRole(
      LiveRole role, Map<String, Address> policiesByArn, Map<Address, Resource> out) {
    addRole(role, role.name(), policiesByArn, Set.of(), out);
  }

  /** Declared names of roles or policies by their lower-case form. */
  private static Map<String, String> declaredNames(Stack stack, Class<? extends Resource> type) {
    Map<String, String> names = new HashMap<>();
    stack.resources().stream()
        .filter(type::isInstance)
        .forEach(
            r -> {
              String n = r instanceof Role role ? role.name() : ((ManagedPolicy) r).name();
              names.put(n.toLowerCase(Locale.ROOT), n);
            });
    return names;
  }

  /**
   * The name a live role or policy is known by in this plan: the declared one when they match
   * case-insensitively (as IAM matches names), else its own.
   */
  private static String as(Map<String, String> declared, String liveName) {
    return declared.getOrDefault(liveName.toLowerCase(Locale.ROOT), liveName);
  }

  /** The role and its attachments (but those of {@code othersPolicies}) and inline policies. */
  static void addRole(
      LiveRole role,
      String as,
      Map<String, Address> policiesByArn,
      Set<String> othersPolicies,
      Map<Address, Resource> out) {
    Address address = Address.role(as);
    Set<Address> parent = Set.of(address);
    out.put(
        address,
        new Role(
            address,
            LIVE,
            role.name(),
            role.path(),
            role.description(),
            role.maxSessionDuration(),
            role.trustPolicy(),
            role.permissionsBoundaryArn(),
            role.tags(),
            null,
            false,
            false,
            Set.of()));
    for (String arn : role.attachedPolicyArns()) {
      if (othersPolicies.contains(arn)) {
        continue; // another stack's attachTo
      }
      Address a = Address.attachment(as, arn);
      Address policy = policiesByArn.get(arn);
      Set<Address> deps = policy == null ? parent : Set.of(address, policy);
      out.put(a, new RolePolicyAttachment(a, LIVE, as, arn, deps));
    }
    role.inlinePolicies()
        .forEach(
            (name, document) -> {
              Address a = Address.inline(as, name);
              out.put(a, new InlinePolicy(a, LIVE, as, name, document, parent));
            });
  }

  private static void addPolicy(
      LiveManagedPolicy policy,
      String as,
      Map<String, String> principalNames,
      Set<String> managedRoles,
      Set<String> awsOwnedRoles,
      Map<Address, Resource> out) {
    Address address = Address.policy(as);
    out.put(
        address,
        new ManagedPolicy(
            address,
            LIVE,
            policy.name(),
            policy.path(),
            policy.description(),
            policy.defaultDocument(),
            policy.tags(),
            false,
            Set.of()));
    policy
        .attachments()
        .forEach(
            (type, names) -> {
              for (String name : names) {
                if (type == PrincipalType.ROLE && managedRoles.contains(name)) {
                  continue; // shown as the role's own attachment
                }
                if (type == PrincipalType.ROLE && awsOwnedRoles.contains(name)) {
                  continue; // e.g. an Identity Center permission set's: never ours to change
                }
                String declared = as(principalNames, type + "/" + name).substring(type.toString().length() + 1);
                Address a = Address.principalAttachment(as, type, declared);
                out.put(
                    a,
                    new PrincipalPolicyAttachment(
                        a, LIVE, type, declared, as, policy.arn(), Set.of(address)));
              }
            });
  }

  /** Names of the live roles AWS owns (service-linked, /aws-reserved/). */
  private static Set<String> awsOwned(LiveAccount live) {
    Set<String> names = new HashSet<>();
    live.roles().values().stream().filter(r -> r.awsOwned() != null)
        .forEach(r -> names.add(r.name()));
    return names;
  }

  Ownership ownershipOf(Address topLevel) {
    return ownership.getOrDefault(topLevel, Ownership.UNMANAGED);
  }

  List<Address> addresses() {
    return List.copyOf(resources.keySet());
  }
}

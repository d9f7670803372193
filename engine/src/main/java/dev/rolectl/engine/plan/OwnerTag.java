package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Stack;
import java.util.HashMap;
import java.util.Map;

/**
 * Adds the ownership tag {@code rolectl:stack=<stack>} to the declared roles, policies and
 * instance profiles, and
 * {@code rolectl:protect=true} to those declared with {@code protect: true} (written at create,
 * adopt and update; dropped by an update when {@code protect} is taken away).
 */
final class OwnerTag {
  private OwnerTag() {}

  static Resource withOwner(Resource r, String stackName) {
    if (r instanceof Role role) {
      return new Role(
          role.address(),
          role.location(),
          role.name(),
          role.path(),
          role.description(),
          role.maxSessionDuration(),
          role.trustPolicy(),
          role.permissionsBoundary(),
          tagged(role.tags(), stackName, role.protect()),
          role.ecsInfrastructure(),
          role.protect(),
          role.adopt(),
          role.dependsOn());
    }
    if (r instanceof ManagedPolicy p) {
      return new ManagedPolicy(
          p.address(),
          p.location(),
          p.name(),
          p.path(),
          p.description(),
          p.document(),
          tagged(p.tags(), stackName, p.protect()),
          p.protect(),
          p.adopt(),
          p.dependsOn());
    }
    if (r instanceof InstanceProfile ip) {
      return new InstanceProfile(ip.address(), ip.location(), ip.name(), ip.path(), ip.roleName(),
          tagged(ip.tags(), stackName, false), ip.adopt(), ip.dependsOn());
    }
    return r;
  }

  private static Map<String, String> tagged(
      Map<String, String> tags, String stackName, boolean protect) {
    Map<String, String> t = new HashMap<>(tags);
    t.put(Stack.OWNER_TAG, stackName);
    t.remove(Stack.PROTECT_TAG);
    if (protect) {
      t.put(Stack.PROTECT_TAG, "true");
    }
    return t;
  }
}

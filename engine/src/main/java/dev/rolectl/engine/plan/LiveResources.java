package dev.rolectl.engine.plan;

import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.policy.TrustAnalysis;
import dev.rolectl.engine.model.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Live IAM as model resources, for {@code import}. */
public final class LiveResources {
  private LiveResources() {}

  /**
   * A live role with its attachments and inline policies, as the stack would declare them. A role
   * that ECS can assume and that has an ECS infrastructure managed policy attached is marked with
   * that {@code ecsInfrastructure} purpose.
   */
  public static List<Resource> role(LiveRole role, String partition) {
    Map<Address, Resource> out = new TreeMap<>();
    CurrentState.addRole(role, Map.of(), out);
    Role r = (Role) out.get(Address.role(role.name()));
    EcsInfrastructure purpose = purpose(role, partition);
    if (purpose != null) {
      out.put(
          r.address(),
          new Role(r.address(), r.location(), r.name(), r.path(), r.description(),
              r.maxSessionDuration(), r.trustPolicy(), r.permissionsBoundary(), r.tags(), purpose,
              r.protect(), r.adopt(), r.dependsOn()));
    }
    return new ArrayList<>(out.values());
  }

  private static EcsInfrastructure purpose(LiveRole role, String partition) {
    if (!TrustAnalysis.allowsAssume(role.trustPolicy(), "ecs.amazonaws.com")) {
      return null;
    }
    for (EcsInfrastructure e : EcsInfrastructure.values()) {
      if (role.attachedPolicyArns().contains(e.managedPolicyArn(partition))) {
        return e;
      }
    }
    return null;
  }
}

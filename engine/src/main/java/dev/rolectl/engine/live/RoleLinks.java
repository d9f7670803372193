package dev.rolectl.engine.live;

import java.util.List;

/**
 * What is attached to a role and must go before {@code DeleteRole}.
 *
 * @param instanceProfiles names of the instance profiles that contain the role
 * @param attachedPolicyArns managed policies attached to it
 * @param inlinePolicyNames its inline policies
 */
public record RoleLinks(
    List<String> instanceProfiles, List<String> attachedPolicyArns, List<String> inlinePolicyNames) {
  public RoleLinks {
    instanceProfiles = List.copyOf(instanceProfiles);
    attachedPolicyArns = List.copyOf(attachedPolicyArns);
    inlinePolicyNames = List.copyOf(inlinePolicyNames);
  }

  public boolean isEmpty() {
    return instanceProfiles.isEmpty() && attachedPolicyArns.isEmpty() && inlinePolicyNames.isEmpty();
  }
}

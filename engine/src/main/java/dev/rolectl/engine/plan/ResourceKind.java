package dev.rolectl.engine.plan;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;

/** The kind of a resource, as named in plans. */
public enum ResourceKind {
  ROLE("role"),
  MANAGED_POLICY("managed policy"),
  ROLE_POLICY_ATTACHMENT("role policy attachment"),
  INLINE_POLICY("inline policy"),
  PRINCIPAL_POLICY_ATTACHMENT("policy attachment"),
  INSTANCE_PROFILE("instance profile");

  private final String label;

  ResourceKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public static ResourceKind of(Resource resource) {
    // Java 17 has no pattern switch; the sealed family keeps this list complete.
    if (resource instanceof Role) {
      return ROLE;
    } else if (resource instanceof ManagedPolicy) {
      return MANAGED_POLICY;
    } else if (resource instanceof RolePolicyAttachment) {
      return ROLE_POLICY_ATTACHMENT;
    } else if (resource instanceof InlinePolicy) {
      return INLINE_POLICY;
    } else if (resource instanceof PrincipalPolicyAttachment) {
      return PRINCIPAL_POLICY_ATTACHMENT;
    } else if (resource instanceof InstanceProfile) {
      return INSTANCE_PROFILE;
    }
    throw new IllegalArgumentException("unknown resource type " + resource.getClass());
  }
}

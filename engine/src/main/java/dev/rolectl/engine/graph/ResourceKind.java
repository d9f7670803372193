package dev.rolectl.engine.graph;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;

/** Short human names for the kinds of resource, as shown in DOT labels. */
final class ResourceKind {
  private ResourceKind() {}

  static String of(Resource resource) {
    if (resource instanceof Role) {
      return "role";
    } else if (resource instanceof ManagedPolicy) {
      return "managed policy";
    } else if (resource instanceof RolePolicyAttachment) {
      return "policy attachment";
    } else if (resource instanceof InlinePolicy) {
      return "inline policy";
    } else if (resource instanceof InstanceProfile) {
      return "instance profile";
    } else if (resource instanceof PrincipalPolicyAttachment p) {
      return "attachment to existing " + p.principalType().name().toLowerCase(java.util.Locale.ROOT);
    }
    throw new IllegalStateException("unknown resource type " + resource.getClass());
  }
}

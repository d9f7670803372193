package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.Locale;

/** How a change is named in plans: {@code role "x"}, {@code will be created}. */
final class ResourceTitle {
  private ResourceTitle() {}

  static String of(ResourceChange c) {
    Resource r = c.after() != null ? c.after() : c.before();
    if (r instanceof Role role) {
      return "role \"" + role.name() + "\"";
    }
    if (r instanceof ManagedPolicy p) {
      return "managed policy \"" + p.name() + "\"";
    }
    if (r instanceof RolePolicyAttachment a) {
      return "attachment of " + shortArn(a.policyArn()) + " to role \"" + a.roleName() + "\"";
    }
    if (r instanceof InlinePolicy i) {
      return "inline policy \"" + i.policyName() + "\" of role \"" + i.roleName() + "\"";
    }
    if (r instanceof InstanceProfile ip) {
      return "instance profile \"" + ip.name() + "\""
          + (ip.roleName() == null ? "" : " of role \"" + ip.roleName() + "\"");
    }
    PrincipalPolicyAttachment p = (PrincipalPolicyAttachment) r;
    return "attachment of policy \""
        + p.policyName()
        + "\" to "
        + p.principalType().name().toLowerCase(Locale.ROOT)
        + " \""
        + p.principalName()
        + "\"";
  }

  static String shortArn(String arn) {
    int slash = arn.lastIndexOf('/');
    return slash >= 0 && arn.startsWith("arn:") ? arn.substring(slash + 1) : arn;
  }

  static String verb(Action action) {
    switch (action) {
      case CREATE:
        return "will be created";
      case UPDATE:
        return "will be updated in place";
      case DELETE:
        return "will be deleted";
      case REPLACE:
        return "must be replaced";
      case ADOPT:
        return "will be adopted";
      case NO_OP:
      default:
        return "is unchanged";
    }
  }
}

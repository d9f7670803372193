package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.InstanceProfile;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * How a change is named in a Markdown plan: the words of {@link ResourceTitle} with every name
 * (role, policy, principal) as code, so that a name is never a link or a mention: {@code role
 * <code>x</code>} inside HTML, {@code role `x`} in Markdown.
 */
final class MarkdownTitle {
  private MarkdownTitle() {}

  /** For a {@code <summary>}: names in {@code <code>}, HTML-escaped. */
  static String html(ResourceChange c) {
    return of(c, MarkdownCode::html);
  }

  /** For Markdown text and table cells: names as code spans. */
  static String markdown(ResourceChange c) {
    return of(c, MarkdownCode::inline);
  }

  /**
   * An attachment's two halves in Markdown: the policy (code span) and what it is attached to
   * ({@code role `x`}); for other changes, the title and an empty policy.
   */
  static String[] attachment(ResourceChange c) {
    Resource r = resource(c);
    if (r instanceof RolePolicyAttachment a) {
      return new String[] {MarkdownCode.inline(ResourceTitle.shortArn(a.policyArn())),
          "role " + MarkdownCode.inline(a.roleName())};
    }
    if (r instanceof PrincipalPolicyAttachment p) {
      return new String[] {MarkdownCode.inline(p.policyName()),
          p.principalType().name().toLowerCase(Locale.ROOT) + " " + MarkdownCode.inline(p.principalName())};
    }
    return new String[] {"", markdown(c)};
  }

  private static String of(ResourceChange c, UnaryOperator<String> code) {
    Resource r = resource(c);
    if (r instanceof Role role) {
      return "role " + code.apply(role.name());
    }
    if (r instanceof ManagedPolicy p) {
      return "managed policy " + code.apply(p.name());
    }
    if (r instanceof RolePolicyAttachment a) {
      return "attachment of " + code.apply(ResourceTitle.shortArn(a.policyArn())) + " to role "
          + code.apply(a.roleName());
    }
    if (r instanceof InlinePolicy i) {
      return "inline policy " + code.apply(i.policyName()) + " of role " + code.apply(i.roleName());
    }
    if (r instanceof InstanceProfile ip) {
      return "instance profile " + code.apply(ip.name())
          + (ip.roleName() == null ? "" : " of role " + code.apply(ip.roleName()));
    }
    PrincipalPolicyAttachment p = (PrincipalPolicyAttachment) r;
    return "attachment of policy " + code.apply(p.policyName()) + " to "
        + p.principalType().name().toLowerCase(Locale.ROOT) + " " + code.apply(p.principalName());
  }

  private static Resource resource(ResourceChange c) {
    return c.after() != null ? c.after() : c.before();
  }
}

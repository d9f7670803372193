package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Stack;
import java.util.Map;

/** More than 50 tags on a role or policy, counting the rolectl:stack owner tag. */
final class TagCount implements LintRule {
  static final RuleInfo INFO = new RuleInfo("tag-count", Severity.ERROR,
      "more than 50 tags on a role or managed policy (rolectl:stack included)");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public void check(LintContext ctx) {
    for (Role r : ctx.roles()) {
      check(ctx, r, r.tags(), LintContext.rolePointer(r) + "/tags", "role " + r.name());
    }
    ctx.stack().resources(ManagedPolicy.class).forEach(p -> check(ctx, p, p.tags(),
        LintContext.policyPointer(p) + "/tags", "managed policy " + p.name()));
  }

  private void check(LintContext ctx, Resource res, Map<String, String> tags, String pointer,
      String what) {
    int count = tags.size() + (tags.containsKey(Stack.OWNER_TAG) ? 0 : 1);
    if (count > Quotas.TAGS) {
      ctx.report(this, res, pointer, what + " would have " + count + " tags (stack default "
          + "tags and " + Stack.OWNER_TAG + " included); IAM allows " + Quotas.TAGS
          + ": remove some tags");
    }
  }
}

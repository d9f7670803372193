package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;

/** Name and path lengths IAM rejects: role names, policy names, paths. */
final class NameLengths {
  private NameLengths() {}

  /** Role name over 64 characters. */
  static final class RoleName implements LintRule {
    static final RuleInfo INFO = new RuleInfo("role-name-length", Severity.ERROR,
        "role name longer than 64 characters");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (Role r : ctx.roles()) {
        if (r.name().length() > Quotas.ROLE_NAME) {
          ctx.report(this, r, LintContext.rolePointer(r), "role name " + r.name() + " is "
              + r.name().length() + " characters; IAM allows " + Quotas.ROLE_NAME
              + ": choose a shorter name");
        }
      }
    }
  }

  /** Managed or inline policy name over 128 characters. */
  static final class PolicyName implements LintRule {
    static final RuleInfo INFO = new RuleInfo("policy-name-length", Severity.ERROR,
        "policy name longer than 128 characters");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      ctx.stack().resources(ManagedPolicy.class)
          .forEach(p -> check(ctx, p, p.name(), LintContext.policyPointer(p)));
      for (Role r : ctx.roles()) {
        for (InlinePolicy p : ctx.inlinePolicies(r)) {
          check(ctx, p, p.policyName(), LintContext.rolePointer(r) + "/inlinePolicies");
        }
      }
    }

    private void check(LintContext ctx, dev.rolectl.engine.model.Resource res, String name,
        String pointer) {
      if (name.length() > Quotas.POLICY_NAME) {
        ctx.report(this, res, pointer, "policy name " + name + " is " + name.length()
            + " characters; IAM allows " + Quotas.POLICY_NAME + ": choose a shorter name");
      }
    }
  }

  /** Role or managed policy path over 512 characters. */
  static final class Path implements LintRule {
    static final RuleInfo INFO = new RuleInfo("path-length", Severity.ERROR,
        "role or policy path longer than 512 characters");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (Role r : ctx.roles()) {
        check(ctx, r, r.path(), LintContext.rolePointer(r) + "/path", "role " + r.name());
      }
      ctx.stack().resources(ManagedPolicy.class).forEach(p -> check(ctx, p, p.path(),
          LintContext.policyPointer(p) + "/path", "managed policy " + p.name()));
    }

    private void check(LintContext ctx, dev.rolectl.engine.model.Resource res, String path,
        String pointer, String what) {
      if (path.length() > Quotas.PATH) {
        ctx.report(this, res, pointer, "the path of " + what + " is " + path.length()
            + " characters; IAM allows " + Quotas.PATH + ": use a shorter path");
      }
    }
  }
}

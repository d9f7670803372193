package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.policy.TrustAnalysis;
import java.util.Arrays;
import java.util.Optional;

/** Rules for roles that ECS uses as infrastructure roles (docs/lint.md, ecs-infrastructure-*). */
final class EcsRules {
  static final String ECS = "ecs.amazonaws.com";

  private EcsRules() {}

  static boolean attaches(LintContext ctx, Role r, String arn) {
    return ctx.attachments(r).stream().anyMatch(a -> a.policyArn().equals(arn));
  }

  /** A declared infrastructure role whose trust policy does not admit ECS. */
  static final class Trust implements LintRule {
    static final RuleInfo INFO = new RuleInfo("ecs-infrastructure-trust", Severity.ERROR,
        "role declares ecsInfrastructure but its trust policy does not let ecs.amazonaws.com "
            + "call sts:AssumeRole");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (Role r : ctx.roles()) {
        EcsInfrastructure kind = r.ecsInfrastructure();
        if (kind != null && !TrustAnalysis.surelyAllowsAssume(r.trustPolicy(), ECS)) {
          ctx.report(this, r, LintContext.rolePointer(r) + "/trustPolicy", "role " + r.name()
              + " declares ecsInfrastructure: " + kind.yamlName() + ", but its trust policy does "
              + "not let " + ECS + " call sts:AssumeRole, so ECS cannot use it. Add a statement "
              + "{Effect: Allow, Principal: {Service: " + ECS + "}, Action: sts:AssumeRole} "
              + "(and remove any Deny that covers it)");
        }
      }
    }
  }

  /** A declared infrastructure role without its AWS managed policy. */
  static final class Policy implements LintRule {
    static final RuleInfo INFO = new RuleInfo("ecs-infrastructure-policy", Severity.ERROR,
        "role declares ecsInfrastructure but does not attach the matching AWS managed policy");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (Role r : ctx.roles()) {
        EcsInfrastructure kind = r.ecsInfrastructure();
        if (kind == null) {
          continue;
        }
        String arn = kind.managedPolicyArn(ctx.stack().partition());
        if (!attaches(ctx, r, arn)) {
          ctx.report(this, r, LintContext.rolePointer(r) + "/managedPolicies", "role " + r.name()
              + " declares ecsInfrastructure: " + kind.yamlName() + " but does not attach "
              + kind.managedPolicyName() + ", which ECS needs to manage its resources. Add "
              + arn + " to managedPolicies");
        }
      }
    }
  }

  /** A role that looks like an infrastructure role but does not say so. */
  static final class Undeclared implements LintRule {
    static final RuleInfo INFO = new RuleInfo("ecs-infrastructure-undeclared",
        Severity.SUGGESTION, "role trusts ecs.amazonaws.com and attaches an ECS infrastructure "
            + "policy but does not declare ecsInfrastructure");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (Role r : ctx.roles()) {
        if (r.ecsInfrastructure() != null || !TrustAnalysis.allowsAssume(r.trustPolicy(), ECS)) {
          continue;
        }
        Optional<EcsInfrastructure> kind = Arrays.stream(EcsInfrastructure.values())
            .filter(k -> attaches(ctx, r, k.managedPolicyArn(ctx.stack().partition())))
            .findFirst();
        kind.ifPresent(k -> ctx.report(this, r, LintContext.rolePointer(r), "role " + r.name()
            + " trusts " + ECS + " and attaches " + k.managedPolicyName() + ": add "
            + "ecsInfrastructure: " + k.yamlName() + " so that lint checks it and rolectl "
            + "refuses changes that would break running ECS deployments"));
      }
    }
  }
}

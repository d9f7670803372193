package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.policy.catalogue.ManagedPolicyCatalogue;
import dev.rolectl.engine.policy.catalogue.ManagedPolicyCatalogue.Entry;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS managed policy ARNs checked offline against the catalogue of AWS managed policies: the
 * name must exist, the path must be the policy's, and a policy for service-linked roles cannot be
 * attached to a role of the stack (IAM: PolicyNotAttachable).
 */
final class ManagedPolicyArns {
  static final Pattern AWS_POLICY = Pattern.compile("arn:([a-z-]+):iam::aws:policy(/.*/|/)([^/]+)");

  private ManagedPolicyArns() {}

  /** A name no AWS managed policy has, or the right name under the wrong path. */
  static final class Unknown implements LintRule {
    static final RuleInfo INFO = new RuleInfo("unknown-aws-managed-policy", Severity.ERROR,
        "AWS managed policy ARN that names no AWS managed policy (wrong name or path)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      ManagedPolicyCatalogue catalogue = ManagedPolicyCatalogue.get();
      for (Role r : ctx.roles()) {
        for (RolePolicyAttachment a : ctx.attachments(r)) {
          problem(a.policyArn(), catalogue).ifPresent(p -> ctx.report(this, a.address(),
              a.location(), "role " + r.name() + " attaches " + a.policyArn() + ", " + p));
        }
        if (r.permissionsBoundary() != null) {
          problem(r.permissionsBoundary(), catalogue).ifPresent(p -> ctx.report(this, r,
              LintContext.rolePointer(r) + "/permissionsBoundary", "the permissions boundary "
              + r.permissionsBoundary() + " of role " + r.name() + " " + p.replaceFirst(
              "^which ", "")));
        }
      }
    }

    static Optional<String> problem(String arn, ManagedPolicyCatalogue catalogue) {
      Matcher m = AWS_POLICY.matcher(arn);
      if (!m.matches()) {
        return Optional.empty();
      }
      String date = " (AWS managed policies as of " + catalogue.info().date() + ")";
      Optional<Entry> entry = catalogue.byName(m.group(3));
      if (entry.isEmpty()) {
        return Optional.of("which is no AWS managed policy, so IAM cannot attach it"
            + Statements.didYouMean(m.group(3), catalogue.names()) + date);
      }
      String right = entry.get().arn(m.group(1));
      if (!right.equals(arn)) {
        return Optional.of("but that policy is " + right + " (" + (entry.get().path()
            .equals(m.group(2)) ? "names are case-sensitive in ARNs" : "it lives under the path "
            + entry.get().path()) + "), so IAM cannot find it: did you mean " + right + "?"
            + date);
      }
      return Optional.empty();
    }
  }

  /** A policy for service-linked roles attached to an ordinary role. */
  static final class ServiceLinked implements LintRule {
    static final RuleInfo INFO = new RuleInfo("service-linked-role-policy", Severity.ERROR,
        "AWS managed policy for service-linked roles attached to a role (IAM refuses: "
            + "PolicyNotAttachable)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      ManagedPolicyCatalogue catalogue = ManagedPolicyCatalogue.get();
      for (Role r : ctx.roles()) {
        for (RolePolicyAttachment a : ctx.attachments(r)) {
          Matcher m = AWS_POLICY.matcher(a.policyArn());
          if (m.matches() && catalogue.byName(m.group(3)).filter(Entry::forServiceLinkedRoles)
              .isPresent()) {
            ctx.report(this, a.address(), a.location(), "role " + r.name() + " attaches "
                + a.policyArn() + ", a policy for the service-linked role of an AWS service "
                + "(path /aws-service-role/), which IAM refuses to attach to any other role "
                + "(PolicyNotAttachable): attach the service's ordinary managed policy or write "
                + "your own");
          }
        }
      }
    }
  }
}

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

  /**
   * A name the catalogue does not have: a warning, as AWS adds policies after the catalogue's
   * date; plan checks it against live IAM and makes a missing one an error.
   */
  static final class Unknown extends ArnRule {
    static final RuleInfo INFO = new RuleInfo("unknown-aws-managed-policy", Severity.WARNING,
        "AWS managed policy ARN whose name is not in the AWS managed policy catalogue");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    Optional<String> problem(Matcher m, String arn, ManagedPolicyCatalogue catalogue) {
      if (catalogue.byName(m.group(3)).isPresent()) {
        return Optional.empty();
      }
      return Optional.of("which is no AWS managed policy as of " + catalogue.info().date()
          + Statements.didYouMean(m.group(3), catalogue.names()) + " (IAM cannot attach a "
          + "policy that does not exist; plan checks it against the account)");
    }
  }

  /** A known AWS managed policy named under the wrong path (or case): IAM cannot find it. */
  static final class WrongPath extends ArnRule {
    static final RuleInfo INFO = new RuleInfo("aws-managed-policy-path", Severity.ERROR,
        "AWS managed policy ARN with the wrong path, e.g. without /service-role/ (IAM cannot "
            + "find it)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    Optional<String> problem(Matcher m, String arn, ManagedPolicyCatalogue catalogue) {
      Optional<Entry> entry = catalogue.byName(m.group(3));
      if (entry.isEmpty() || entry.get().arn(m.group(1)).equals(arn)) {
        return Optional.empty();
      }
      String right = entry.get().arn(m.group(1));
      return Optional.of("but that policy is " + right + " (" + (entry.get().path()
          .equals(m.group(2)) ? "names are case-sensitive in ARNs" : "it lives under the path "
          + entry.get().path()) + "), so IAM cannot find it: did you mean " + right + "?");
    }
  }

  /** Checks every AWS managed policy ARN a role attaches or uses as its boundary. */
  abstract static class ArnRule implements LintRule {
    abstract Optional<String> problem(Matcher m, String arn, ManagedPolicyCatalogue catalogue);

    @Override
    public void check(LintContext ctx) {
      ManagedPolicyCatalogue catalogue = ManagedPolicyCatalogue.get();
      for (Role r : ctx.roles()) {
        for (RolePolicyAttachment a : ctx.attachments(r)) {
          Matcher m = AWS_POLICY.matcher(a.policyArn());
          if (m.matches()) {
            problem(m, a.policyArn(), catalogue).ifPresent(p -> ctx.report(this, a.address(),
                a.location(), "role " + r.name() + " attaches " + a.policyArn() + ", " + p));
          }
        }
        Matcher m = AWS_POLICY.matcher(r.permissionsBoundary() == null ? ""
            : r.permissionsBoundary());
        if (m.matches()) {
          problem(m, r.permissionsBoundary(), catalogue).ifPresent(p -> ctx.report(this, r,
              LintContext.rolePointer(r) + "/permissionsBoundary", "role " + r.name()
              + " has the permissions boundary " + r.permissionsBoundary() + ", " + p));
        }
      }
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

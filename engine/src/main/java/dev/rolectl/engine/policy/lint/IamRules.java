package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.catalogue.IamApiModel;
import java.util.List;
import java.util.regex.Pattern;

/**
 * IAM's own rules for values it refuses, that the schema cannot see (after references are
 * expanded) or that are not in IAM's API model: statement ids, the version of customer managed
 * policies, reserved paths, and the model's constraints of the values rolectl sends that no other
 * rule checks. Each is listed in {@code docs/iam-rules.md} with its source.
 */
final class IamRules {
  /** IAM's Sid charset (IAM User Guide, policy element Sid; IAM's MalformedPolicyDocument). */
  static final Pattern SID = Pattern.compile("[0-9A-Za-z]*");

  private IamRules() {}

  /** A Sid with characters other than ASCII letters and digits. */
  static final class SidCharset implements LintRule {
    static final RuleInfo INFO = new RuleInfo("sid-charset", Severity.ERROR,
        "statement id (Sid) with characters other than ASCII letters and digits (IAM refuses it)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (PolicySite site : ctx.sites()) {
        List<Statement> statements = site.document().statements();
        for (int i = 0; i < statements.size(); i++) {
          String sid = statements.get(i).sid();
          if (sid != null && !SID.matcher(sid).matches()) {
            ctx.report(this, site.resource(), site.statement(i, "Sid"), "the Sid '" + sid
                + "' of statement " + i + " of " + site.description() + " has characters IAM"
                + " refuses (\"Statement IDs (SID) must be alpha-numeric\"): use only A-Z, a-z"
                + " and 0-9, e.g. '" + sid.replaceAll("[^0-9A-Za-z]", "") + "'");
          }
        }
      }
    }
  }

  /** A customer managed policy without Version 2012-10-17 (CreatePolicy refuses it). */
  static final class ManagedPolicyVersion implements LintRule {
    static final RuleInfo INFO = new RuleInfo("managed-policy-version", Severity.ERROR,
        "customer managed policy without Version: \"2012-10-17\" (IAM refuses it)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (PolicySite site : ctx.sites()) {
        if (site.kind() == PolicySite.Kind.MANAGED && !VersionRules.current(site.document())) {
          String has = site.document().version() == null ? "has no Version"
              : "has Version " + site.document().version();
          ctx.report(this, site.resource(), site.pointer() + (site.document().version() == null
              ? "" : "/Version"), VersionRules.where(site) + " " + has + ", but IAM refuses a"
              + " customer managed policy that is not in the 2012-10-17 language (\"Policy"
              + " document must be version 2012-10-17 or greater\"): add Version: \"2012-10-17\"");
        }
      }
    }
  }

  /** A role under a path that AWS reserves for its own roles. */
  static final class ReservedPath implements LintRule {
    static final RuleInfo INFO = new RuleInfo("reserved-path", Severity.ERROR,
        "role under /aws-service-role/ or /aws-reserved/ (AWS's own roles; IAM refuses them)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (Role r : ctx.roles()) {
        String reserved = reserved(r.path());
        if (reserved != null) {
          ctx.report(this, r, LintContext.rolePointer(r) + "/path", "role " + r.name()
              + " has path " + r.path() + ", but " + reserved + " is AWS's: "
              + (reserved.equals("/aws-service-role/")
                  ? "IAM refuses it (\"can only be used for AWS Service linked Roles\");"
                      + " a service creates its service-linked role itself"
                  : "roles there are made by AWS (e.g. IAM Identity Center) and IAM refuses"
                      + " changes to them")
              + ": choose another path");
        }
      }
    }

    /** The reserved prefix the path starts with, or {@code null}. */
    static String reserved(String path) {
      for (String p : List.of("/aws-service-role/", "/aws-reserved/")) {
        if (path.regionMatches(true, 0, p, 0, p.length())) {
          return p;
        }
      }
      return null;
    }
  }

  /**
   * The constraints of IAM's API model ({@link IamApiModel}) on the values rolectl sends that
   * neither the schema nor another rule checks once references are expanded: permissions
   * boundary and managed policy ARNs, and the names of the users, groups and roles of {@code
   * attachTo} (a user name has at most 64 characters, a group name 128).
   */
  static final class ApiInput implements LintRule {
    static final RuleInfo INFO = new RuleInfo("iam-api-input", Severity.ERROR,
        "a value IAM's API model refuses (length or pattern of an ARN or principal name)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      IamApiModel api = IamApiModel.get();
      for (Role r : ctx.roles()) {
        if (r.permissionsBoundary() != null) {
          String p = api.of("CreateRole", "PermissionsBoundary").problem(r.permissionsBoundary());
          if (p != null) {
            ctx.report(this, r, LintContext.rolePointer(r) + "/permissionsBoundary", "the"
                + " permissions boundary ARN of role " + r.name() + " " + p);
          }
        }
        for (RolePolicyAttachment a : ctx.attachments(r)) {
          String p = api.of("AttachRolePolicy", "PolicyArn").problem(a.policyArn());
          if (p != null) {
            ctx.report(this, a, LintContext.rolePointer(r) + "/managedPolicies", "the managed"
                + " policy ARN " + a.policyArn() + " of role " + r.name() + " " + p);
          }
        }
      }
      ctx.stack().resources(PrincipalPolicyAttachment.class).forEach(a -> {
        IamApiModel.Constraint c = switch (a.principalType()) {
          case USER -> api.of("AttachUserPolicy", "UserName");
          case GROUP -> api.of("AttachGroupPolicy", "GroupName");
          case ROLE -> api.of("AttachRolePolicy", "RoleName");
        };
        String p = c.problem(a.principalName());
        if (p != null) {
          ctx.report(this, a.address(), a.location(), "the " + a.principalType().name()
              .toLowerCase(java.util.Locale.ROOT) + " name '" + a.principalName() + "' in"
              + " attachTo of policy " + a.policyName() + " " + p);
        }
      });
      ctx.stack().resources(ManagedPolicy.class).forEach(p -> {
        if (p.description() != null) {
          String problem = api.of("CreatePolicy", "Description").problem(p.description());
          if (problem != null) {
            ctx.report(this, p, LintContext.policyPointer(p) + "/description", "the"
                + " description of policy " + p.name() + " " + problem);
          }
        }
      });
    }
  }
}

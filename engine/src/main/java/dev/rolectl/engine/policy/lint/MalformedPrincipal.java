package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Principals IAM would reject: unknown types, values of the wrong shape, a Principal in an
 * identity policy, or a trust statement without one.
 */
final class MalformedPrincipal implements StatementRule {
  static final RuleInfo INFO = new RuleInfo("malformed-principal", Severity.ERROR,
      "unknown principal type or malformed principal value");

  static final List<String> TYPES = List.of("AWS", "Service", "Federated", "CanonicalUser");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
  private static final Pattern AWS = Pattern.compile("\\*|\\d{12}|arn:aws[a-z-]*:(iam|sts)::.+");
  private static final Pattern CANONICAL = Pattern.compile("[0-9a-fA-F]{64}");

  @Override
  public RuleInfo info() {
    return INFO;
  }

  @Override
  public Set<PolicySite.Kind> kinds() {
    return PolicySite.Kind.ALL;
  }

  @Override
  public void check(LintContext ctx, PolicySite site, int index, Statement s) {
    String where = Statements.name(site, index, s);
    if (site.kind() == PolicySite.Kind.TRUST && s.principal() == null
        && s.notPrincipal() == null) {
      ctx.report(this, site.resource(), site.statement(index), where + " has no Principal: add "
          + "the principal that may assume the role, e.g. Principal: {Service: "
          + "ecs.amazonaws.com}");
    }
    check(ctx, site, index, "Principal", s.principal(), where);
    check(ctx, site, index, "NotPrincipal", s.notPrincipal(), where);
  }

  private void check(LintContext ctx, PolicySite site, int index, String element, Principal p,
      String where) {
    if (p == null) {
      return;
    }
    if (site.kind() != PolicySite.Kind.TRUST) {
      ctx.report(this, site.resource(), site.statement(index, element), where + " has "
          + element + ", which IAM rejects in an identity policy: remove it (the policy "
          + "applies to whoever it is attached to)");
      return;
    }
    for (Map.Entry<String, List<String>> e : p.byType().entrySet()) {
      String type = e.getKey();
      if (!TYPES.contains(type)) {
        ctx.report(this, site.resource(), site.statement(index, element, type), where
            + " has unknown principal type '" + type + "': use AWS, Service, Federated or "
            + "CanonicalUser");
        continue;
      }
      for (String v : e.getValue()) {
        String fix = fix(type, v);
        if (fix != null) {
          ctx.report(this, site.resource(), site.statement(index, element, type), where
              + " has " + type + " principal '" + v + "', " + fix);
        }
      }
    }
  }

  /** What to do about a malformed value, or {@code null} if it looks right. */
  static String fix(String type, String v) {
    return switch (type) {
      case "AWS" -> AWS.matcher(v).matches() ? null : "which is not an account id or IAM ARN: "
          + "write a 12-digit account id or an ARN such as arn:aws:iam::ACCOUNT:role/NAME";
      case "Service" -> HOST.matcher(v).matches() ? null : "which is not a service principal: "
          + "write the service's full name, e.g. ecs.amazonaws.com";
      case "Federated" -> v.startsWith("arn:") || HOST.matcher(v).matches() ? null
          : "which is not an identity provider: write a provider ARN (arn:aws:iam::ACCOUNT:"
              + "oidc-provider/HOST) or a provider name such as cognito-identity.amazonaws.com";
      case "CanonicalUser" -> CANONICAL.matcher(v).matches() ? null
          : "which is not a canonical user id (64 hexadecimal characters)";
      default -> null;
    };
  }
}

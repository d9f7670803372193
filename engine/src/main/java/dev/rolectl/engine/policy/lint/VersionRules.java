package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The policy language version of trust and inline policies. Without {@code Version:
 * "2012-10-17"} IAM reads such a document in the 2008-10-17 language, where {@code
 * ${aws:username}} is a literal string, not a variable. (IAM refuses customer managed policies
 * without it: {@link IamRules.ManagedPolicyVersion}.)
 */
final class VersionRules {
  /** An IAM policy variable: {@code ${aws:username}}, {@code ${*}}, {@code ${?}}, {@code ${$}}. */
  static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9.-]+:[^}]+|[*?$])\\}");

  private VersionRules() {}

  static boolean current(PolicyDocument d) {
    return PolicyDocument.CURRENT_VERSION.equals(d.version());
  }

  /** The first policy variable of the document, if any. */
  static Optional<String> firstVariable(PolicyDocument d) {
    for (Statement s : d.statements()) {
      List<String> texts = new ArrayList<>(s.resource());
      texts.addAll(s.notResource());
      s.condition().values().forEach(keys -> keys.values().forEach(texts::addAll));
      for (Map.Entry<String, List<String>> p : principals(s)) {
        texts.addAll(p.getValue());
      }
      for (String t : texts) {
        var m = VARIABLE.matcher(t);
        if (m.find()) {
          return Optional.of(m.group());
        }
      }
    }
    return Optional.empty();
  }

  private static List<Map.Entry<String, List<String>>> principals(Statement s) {
    List<Map.Entry<String, List<String>>> out = new ArrayList<>();
    if (s.principal() != null) {
      out.addAll(s.principal().byType().entrySet());
    }
    return out;
  }

  static String where(PolicySite site) {
    return site.description().substring(0, 1).toUpperCase(java.util.Locale.ROOT)
        + site.description().substring(1);
  }

  /** No Version (and no policy variables): IAM takes it as the 2008-10-17 language. */
  static final class Missing implements LintRule {
    static final RuleInfo INFO = new RuleInfo("missing-version", Severity.WARNING,
        "policy without Version: \"2012-10-17\" (IAM reads it in the old 2008-10-17 language)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (PolicySite site : ctx.sites()) {
        PolicyDocument d = site.document();
        if (site.kind() == PolicySite.Kind.MANAGED) {
          continue; // IAM refuses it there: managed-policy-version
        }
        if (d.version() == null && firstVariable(d).isEmpty()) {
          ctx.report(this, site.resource(), site.pointer(), where(site) + " has no Version, so "
              + "IAM reads it in the 2008-10-17 policy language (no policy variables): add "
              + "Version: \"2012-10-17\"");
        }
      }
    }
  }

  /** Policy variables in a document that is not in the 2012-10-17 language. */
  static final class Variables implements LintRule {
    static final RuleInfo INFO = new RuleInfo("policy-variables-need-version", Severity.ERROR,
        "policy variables such as ${aws:username} in a policy without Version: \"2012-10-17\"");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (PolicySite site : ctx.sites()) {
        PolicyDocument d = site.document();
        Optional<String> variable = firstVariable(d);
        if (!current(d) && variable.isPresent() && site.kind() != PolicySite.Kind.MANAGED) {
          String version = d.version() == null ? "has no Version" : "has Version " + d.version();
          ctx.report(this, site.resource(), site.pointer() + (d.version() == null ? ""
              : "/Version"), where(site) + " uses the policy variable " + variable.get()
              + " but " + version + ", so IAM takes " + variable.get() + " literally and the "
              + "policy silently matches nothing it was meant to: add Version: \"2012-10-17\"");
        }
      }
    }
  }
}

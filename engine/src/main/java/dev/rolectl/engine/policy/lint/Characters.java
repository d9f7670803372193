package dev.rolectl.engine.policy.lint;

import dev.rolectl.engine.model.ManagedPolicy;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.policy.IamText;
import dev.rolectl.engine.policy.PolicyParser;
import java.util.List;
import java.util.Map;

/**
 * Characters IAM's API refuses (botocore's IAM model): policy documents allow tab, LF, CR and
 * U+0020-U+00FF; role descriptions tab, LF, CR and printable Latin-1; tag keys and values
 * letters, digits, spaces and {@code _ . : / = + - @}. The schema checks what is written; these
 * rules check the values after references and variables are expanded.
 */
final class Characters {
  private Characters() {}

  /** A policy document with a character IAM's PolicyDocument pattern refuses. */
  static final class Policy implements LintRule {
    static final RuleInfo INFO = new RuleInfo("policy-characters", Severity.ERROR,
        "policy document with a character beyond U+00FF (IAM refuses the document)");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (PolicySite site : ctx.sites()) {
        List<dev.rolectl.engine.model.Statement> statements = site.document().statements();
        for (int i = 0; i < statements.size(); i++) {
          String json = PolicyParser.toJson(new dev.rolectl.engine.model.PolicyDocument(
              null, null, List.of(statements.get(i))));
          int bad = IamText.firstOutsidePolicyCharacters(json);
          if (bad >= 0) {
            ctx.report(this, site.resource(), site.statement(i), Statements.name(site, i,
                statements.get(i)) + " contains " + IamText.describe(bad) + ", but IAM accepts "
                + "only tab, line breaks and characters U+0020 to U+00FF in policy documents: "
                + "write it with Latin-1 characters");
          }
        }
      }
    }
  }

  /** A role description or tag with characters IAM refuses (after expansion). */
  static final class Text implements LintRule {
    static final RuleInfo INFO = new RuleInfo("text-characters", Severity.ERROR,
        "role description or tag with characters IAM refuses");

    @Override
    public RuleInfo info() {
      return INFO;
    }

    @Override
    public void check(LintContext ctx) {
      for (Role r : ctx.roles()) {
        String base = LintContext.rolePointer(r);
        if (r.description() != null) {
          String problem = IamText.roleDescriptionProblem(r.description());
          if (problem != null) {
            ctx.report(this, r, base + "/description", "the description of role " + r.name()
                + " " + problem);
          }
        }
        tags(ctx, r, base, r.tags());
      }
      ctx.stack().resources(ManagedPolicy.class).forEach(
          p -> tags(ctx, p, LintContext.policyPointer(p), p.tags()));
    }

    private void tags(LintContext ctx, Resource r, String base, Map<String, String> tags) {
      tags.forEach((k, v) -> {
        String problem = IamText.tagValueProblem(v);
        if (problem != null && !k.equals("rolectl:stack")) {
          ctx.report(this, r, base + "/tags/" + SourceMap.segment(k), "the value of tag " + k
              + " of " + r.address() + " " + problem);
        }
      });
    }
  }
}

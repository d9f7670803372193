package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * User text in a Markdown plan is inert (issue 17, point 8): a condition value, a name, a reason, a
 * diagnostic, a target or an account name carrying a Markdown link, an image, a bare URL, raw HTML,
 * an {@code @mention} or an issue reference reaches the comment as code, never as a link, image,
 * tag or ping. The names here are beyond what IAM allows, as a hostile plan file given to {@code
 * rolectl show} may hold them.
 */
class MarkdownInertTest {
  /** Everything GitHub would make live, in one string. */
  static final String HOSTILE = "[approved by security](https://evil.example/ok) "
      + "![badge](https://evil.example/x.png) @security-team see #1 www.evil.example "
      + "<img src=x onerror=alert(1)> </details> **bold** | pipe ` tick";

  static Plan hostilePlan() {
    Location at = new Location("stack " + HOSTILE + ".yaml", 3, 1);
    PolicyDocument trust = new PolicyDocument("2012-10-17", null, List.of(new Statement(null, "Allow",
        Principal.of(Map.of("AWS", List.of("arn:aws:iam::999999999999:root"))), null,
        List.of("sts:AssumeRole"), List.of(), List.of(), List.of(),
        Map.of("StringEquals", Map.of("aws:PrincipalTag/approval", List.of(HOSTILE))))));
    String role = "admin@security-team";
    List<Resource> resources = List.of(
        new Role(Address.role(role), at, role, "/", HOSTILE, 3600, trust, null, Map.of("note", HOSTILE),
            null, false, false, Set.of()),
        new InlinePolicy(Address.inline(role, "x@y"), at, role, "x@y_z_", trust, Set.of(Address.role(role))),
        new RolePolicyAttachment(Address.attachment(role, "arn:aws:iam::aws:policy/@org"), at, role,
            "arn:aws:iam::aws:policy/@org", Set.of(Address.role(role))));
    Stack stack = new Stack("hostile", null, "123456789012", "aws", Map.of(), resources,
        StackSettings.defaults(), SourceMap.empty());
    LiveAccount empty = new LiveAccount("123456789012", "aws", Map.of(), Map.of(), List.of());
    Plan plan = Differ.plan(stack, empty, new PlanOptions(false, "snapshot:" + HOSTILE, Instant.EPOCH))
        .plan().orElseThrow();
    List<ResourceChange> changes = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      changes.add(c.withVerdicts(List.of(Verdict.block("rule " + HOSTILE, "blocked: " + HOSTILE),
          Verdict.warn("warn " + HOSTILE, "warned: " + HOSTILE))));
    }
    List<Diagnostic> diagnostics = List.of(
        new Diagnostic(Severity.WARNING, "rule " + HOSTILE, at, Address.role(HOSTILE), "warning: " + HOSTILE),
        new Diagnostic(Severity.ERROR, "rule", at, null, "error: " + HOSTILE));
    return plan.withChanges(changes).withContext(null, diagnostics);
  }

  @Test
  void theCheckFindsLiveTextInAnUnescapedRendering() {
    // the check itself: the hostile string as plain Markdown is caught on every count
    String raw = "<!-- rolectl:plan stack=x target=y -->\n\n" + HOSTILE
        + "\n\n<details><summary>@team</summary>\n\n</details>\n";
    AssertionError e = assertThrows(AssertionError.class,
        () -> MarkdownGfmTest.checkInert(MarkdownGfmTest.PARSER.parse(raw)));
    for (String found : List.of("a link to https://evil.example/ok", "an image of https://evil.example/x.png",
        "an HTML tag rolectl does not write: <img", "live text", "live text in HTML: ")) {
      assertTrue(e.getMessage().contains(found), found + " in " + e.getMessage());
    }
  }

  @Test
  void userTextInAOneAccountPlanIsCode() {
    Plan plan = hostilePlan();
    String md = new MarkdownPlanRenderer().render(plan);
    MarkdownGfmTest.checkWellFormed(md);
    assertTrue(md.startsWith("<!-- rolectl:plan stack=hostile target=snapshot:"), md);
    String marker = md.lines().findFirst().orElseThrow();
    assertFalse(marker.substring(4, marker.length() - 3).contains("--"), "the marker stays one comment");
    assertTrue(md.contains("``blocked: [approved by security](https://evil.example/ok)"),
        "the reason is there, as code:\n" + md);
    assertTrue(md.contains("role <code>admin@security-team</code>"), md);
    assertTrue(md.contains("attachment of <code>@org</code> to role <code>admin@security-team</code>"), md);
  }

  @Test
  void userTextInAMultiAccountPlanIsCode() {
    Plan plan = hostilePlan();
    MultiPlan multi = new MultiPlan(MultiPlan.FORMAT_VERSION, "hostile", null, Instant.EPOCH, List.of(),
        List.of(AccountPlan.planned("111111111111", HOSTILE, null, plan),
            AccountPlan.failed("222222222222", HOSTILE, null, "cannot assume: " + HOSTILE)));
    String md = new MultiPlanMarkdown().render(multi);
    MarkdownGfmTest.checkWellFormed(md);
    String shortened = new AccountSection(multi.accounts().get(0)).shortened();
    MarkdownGfmTest.checkInert(MarkdownGfmTest.PARSER.parse("<!-- rolectl:plan x -->\n" + shortened));
  }
}

package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.InlinePolicy;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Principal;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Role;
import dev.rolectl.engine.model.SourceMap;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.plan.Differ;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanOptions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MarkdownPlanRendererTest {
  static Plan planCreating(int roles) {
    List<Resource> resources = new ArrayList<>();
    Location at = new Location("stack.yaml", 1, 1);
    PolicyDocument trust =
        new PolicyDocument(
            "2012-10-17",
            null,
            List.of(
                new Statement(null, "Allow", Principal.of(Map.of("Service", List.of("ecs-tasks.amazonaws.com"))),
                    null, List.of("sts:AssumeRole"), List.of(), List.of(), List.of(), Map.of())));
    PolicyDocument s3 =
        new PolicyDocument(
            "2012-10-17",
            null,
            List.of(
                new Statement(null, "Allow", null, null, List.of("s3:GetObject", "s3:PutObject"),
                    List.of(), List.of("arn:aws:s3:::bucket-with-a-rather-long-name/prefix/*"), List.of(), Map.of())));
    for (int i = 0; i < roles; i++) {
      String name = "service-role-" + i;
      resources.add(
          new Role(Address.role(name), at, name, "/", "Role number " + i, 3600, trust, null,
              Map.of("team", "t" + i), null, false, false, Set.of()));
      resources.add(
          new InlinePolicy(Address.inline(name, "s3"), at, name, "s3", s3, Set.of(Address.role(name))));
    }
    Stack stack =
        new Stack("big", null, "123456789012", "aws", Map.of(), resources, StackSettings.defaults(),
            SourceMap.empty());
    LiveAccount empty = new LiveAccount("123456789012", "aws", Map.of(), Map.of(), List.of());
    return Differ.plan(stack, empty, new PlanOptions(false, "aws", Instant.EPOCH)).plan().orElseThrow();
  }

  @Test
  void theAccessSectionOfAHugePlanStaysSmallAndSaysWhatItLeftOut() {
    Plan plan = planCreating(1500);
    LiveAccount empty = new LiveAccount("123456789012", "aws", Map.of(), Map.of(), List.of());
    plan = plan.withAccess(dev.rolectl.engine.api.PlanAccess.of(plan, empty));
    assertEquals(dev.rolectl.engine.access.Grant.YES, plan.access().grantsNewAccess());
    String md = new MarkdownPlanRenderer().render(plan);
    assertTrue(md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT, "length " + md.length());
    String access = md.substring(md.indexOf("#### Access"), md.indexOf("#### Changes"));
    assertTrue(access.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT / 4 + 1000,
        "the Access section keeps to its share: " + access.length());
    assertTrue(access.contains("more new access facts (see the JSON plan"), access);
    assertTrue(access.contains("more role's access tables"), access);
    assertTrue(access.contains("Plan digest: `sha256:"), access);
  }

  @Test
  void aHugePlanStaysWithinGitHubsCommentLimitAndSaysItWasCut() {
    String md = new MarkdownPlanRenderer().render(planCreating(1500));

    assertTrue(md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT, "length " + md.length());
    assertTrue(md.contains("Plan: 3000 to create"), "the summary counts every change");
    assertTrue(md.contains("**Truncated:**"), "says that it was cut");
    assertTrue(md.contains("rolectl show PLANFILE"), "says where the full plan is");
    assertTrue(md.endsWith("\n"));
  }

  @Test
  void aSmallPlanIsShownWhole() {
    String md = new MarkdownPlanRenderer().render(planCreating(3));

    assertFalse(md.contains("Truncated"));
    assertTrue(md.contains("<code>+</code> role <code>service-role-2</code> will be created (broadens access)"), md);
    assertTrue(md.contains("| inline policy `s3` of role `service-role-0` document | statement added: broadens access | `Allow s3:GetObject"), md);
  }

  @Test
  void truncationNeverCutsASectionInHalf() {
    String md = new MarkdownPlanRenderer(20_000).render(planCreating(200));

    assertTrue(md.length() <= 20_000, "length " + md.length());
    int opened = md.split("<details>", -1).length - 1;
    int closed = md.split("</details>", -1).length - 1;
    assertTrue(opened > 0 && opened == closed, opened + " opened, " + closed + " closed");
  }
}

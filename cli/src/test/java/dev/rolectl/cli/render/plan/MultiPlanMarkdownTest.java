package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.Plan;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class MultiPlanMarkdownTest {
  static MultiPlan accounts(int n, int rolesEach) {
    Plan plan = MarkdownPlanRendererTest.planCreating(rolesEach);
    List<AccountPlan> accounts = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String id = String.format("%012d", 200_000_000_000L + i);
      accounts.add(i == 1
          ? AccountPlan.failed(id, "team-" + i, null, "cannot assume role: AccessDenied")
          : AccountPlan.planned(id, "team-" + i, null, plan));
    }
    return new MultiPlan(MultiPlan.FORMAT_VERSION, plan.stack(), Instant.EPOCH, List.of(), accounts);
  }

  @Test
  void everyAccountHasARowAndASectionWhenTheyFit() {
    String md = new MultiPlanMarkdown().render(accounts(3, 2));
    assertTrue(md.startsWith("<!-- rolectl:plan stack="), md);
    assertEquals(3, md.split("\n\\| 2000000000", -1).length - 1, "one row per account:\n" + md);
    assertEquals(3, md.split("<details( open)?><summary>2000000000", -1).length - 1, md);
    assertTrue(md.contains("<details open><summary>200000000001 (team-1): failed"), md);
    assertTrue(md.contains("cannot assume role: AccessDenied"), md);
    assertTrue(!md.contains("Truncated"), md);
  }

  @Test
  void manyLargeAccountsStayWithinTheCommentLimitAndTheTableListsThemAll() {
    MultiPlan plan = accounts(300, 40);
    String md = new MultiPlanMarkdown().render(plan);
    assertTrue(md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT, "length " + md.length());
    assertEquals(300, md.split("\n\\| 2000000", -1).length - 1, "every account in the table");
    assertTrue(md.matches("(?s).*\\*\\*Truncated:\\*\\* \\d+ more accounts are not shown .*"),
        "a closing note counts the rest");
    String small = new MultiPlanMarkdown(20_000).render(accounts(10, 40));
    assertTrue(small.length() <= 20_000, "length " + small.length());
  }

  @Test
  void theClosingNoteCountsInAgreement() {
    assertTrue(MultiPlanMarkdown.hiddenNote(1).startsWith(
        "\n> **Truncated:** 1 more account is not shown because a comment is limited to "), "one");
    assertTrue(MultiPlanMarkdown.hiddenNote(2).startsWith(
        "\n> **Truncated:** 2 more accounts are not shown because"), "two");
  }
}

package dev.rolectl.cli.render.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
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
    return new MultiPlan(MultiPlan.FORMAT_VERSION, plan.stack(), null, Instant.EPOCH, List.of(), accounts);
  }

  @Test
  void everyAccountHasARowAndASectionWhenTheyFit() {
    String md = new MultiPlanMarkdown().render(accounts(3, 2));
    assertTrue(md.startsWith("<!-- rolectl:plan stack="), md);
    assertEquals(3, md.split("\n\\| `2000000000", -1).length - 1, "one row per account:\n" + md);
    assertEquals(3, md.split("<details( open)?><summary><code>2000000000", -1).length - 1, md);
    assertTrue(md.contains("<details open><summary><code>200000000001 (team-1)</code>: failed"), md);
    assertTrue(md.contains("cannot assume role: AccessDenied"), md);
    assertTrue(!md.contains("Truncated"), md);
  }

  @Test
  void manyLargeAccountsStayWithinTheCommentLimitAndTheTableListsThemAll() {
    MultiPlan plan = accounts(300, 40);
    String md = new MultiPlanMarkdown().render(plan);
    assertTrue(md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT, "length " + md.length());
    assertEquals(300, md.split("\n\\| `2000000", -1).length - 1, "every account in the table");
    assertTrue(md.contains("<code>200000000001 (team-1)</code>: failed"), md);
    MarkdownGfmTest.checkWellFormed(md);
    String small = new MultiPlanMarkdown(20_000).render(accounts(10, 40));
    assertTrue(small.length() <= 20_000, "length " + small.length());
  }

  /** {@code plan} with its first change blocked by a rule whose reason names the account. */
  static Plan blocked(Plan plan, String id) {
    List<ResourceChange> changes = new ArrayList<>(plan.changes());
    ResourceChange first = changes.get(0);
    changes.set(0, first.withVerdicts(List.of(Verdict.block("ecs-deployment-in-progress",
        "reason-for-" + id + ": a blue/green deployment uses this role"))));
    return new Plan(plan.formatVersion(), plan.stack(), plan.stackHash(), plan.liveFingerprint(),
        id, plan.target(), plan.createdAt(), changes, plan.ecs(), null, List.of(), plan.resolved());
  }

  @Test
  void theTableIsCutWithACountAndTheCommentStaysWithinTheLimit() {
    MultiPlan plan = accounts(1200, 1);
    String md = new MultiPlanMarkdown().render(plan);
    assertTrue(md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT, "length " + md.length());
    assertTrue(md.contains("more accounts not in this table ("), md);
    assertTrue(md.indexOf("| `200000000001 (team-1)` | **failed**") < md.indexOf("| `200000000000 "),
        "the failed account comes first");
    assertTrue(md.contains("<details open><summary><code>200000000001 (team-1)</code>: failed"), md);
    MarkdownGfmTest.checkWellFormed(md);
    assertTrue(md.contains("more accounts are not shown"), md);
  }

  @Test
  void blockedAndFailedAccountsComeFirstAndEverySectionIsShortenedRatherThanDropped() {
    Plan big = MarkdownPlanRendererTest.planCreating(100); // 200 changes
    List<AccountPlan> accounts = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      String id = String.format("%012d", 300_000_000_000L + i);
      accounts.add(AccountPlan.planned(id, "team-" + i, null,
          i == 6 || i == 8 ? blocked(big, id) : big));
    }
    accounts.add(AccountPlan.failed("399999999999", "broken", null, "cannot assume role"));
    MultiPlan plan = new MultiPlan(1, big.stack(), null, Instant.EPOCH, List.of(), accounts);
    String md = new MultiPlanMarkdown().render(plan);
    assertTrue(md.length() <= MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT, "length " + md.length());
    assertTrue(md.length() > MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT * 9 / 10,
        "the room is used: " + md.length() + "\n" + md);
    for (int i = 0; i < 10; i++) {
      assertTrue(md.contains("<summary><code>30000000000" + i + " (team-" + i + ")</code>: "), "section " + i);
    }
    assertTrue(md.contains("reason-for-300000000006") && md.contains("reason-for-300000000008"),
        "both blocked accounts' reasons");
    int failed = md.indexOf("<summary><code>399999999999");
    int blocked6 = md.indexOf("<summary><code>300000000006");
    assertTrue(failed < blocked6 && blocked6 < md.indexOf("<summary><code>300000000000"),
        "failed, then blocked, then the others");
    MarkdownGfmTest.checkWellFormed(md);
    assertTrue(!md.contains("more accounts are not shown"), md);
  }

  @Test
  void namesAndMessagesAreTextNotMarkup() {
    Plan plan = MarkdownPlanRendererTest.planCreating(1);
    MultiPlan multi = new MultiPlan(1, plan.stack(), null, Instant.EPOCH, List.of(), List.of(
        AccountPlan.planned("111111111111", "</details><script>x</script> | *b*", null, plan),
        AccountPlan.failed("222222222222", "t", null, "no ``` way </details>")));
    String md = new MultiPlanMarkdown().render(multi);
    MarkdownGfmTest.checkWellFormed(md);
    assertTrue(md.contains("| `111111111111 (</details><script>x</script> \\| *b*)` |"), md);
    assertTrue(md.contains("<summary><code>111111111111 (&lt;/details&gt;&lt;script&gt;"), md);
    assertTrue(md.contains("````\nno ``` way </details>\n````"), "an error is a code block:\n" + md);
  }

  @Test
  void theClosingNoteCountsInAgreement() {
    assertTrue(MultiPlanMarkdown.hiddenNote(1).startsWith(
        "\n> **Truncated:** 1 more account is not shown because a comment is limited to "), "one");
    assertTrue(MultiPlanMarkdown.hiddenNote(2).startsWith(
        "\n> **Truncated:** 2 more accounts are not shown because"), "two");
  }
}

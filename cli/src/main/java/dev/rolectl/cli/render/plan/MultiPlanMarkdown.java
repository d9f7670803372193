package dev.rolectl.cli.render.plan;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.Map;

/**
 * A multi-account plan for a pull-request comment: a summary table (accounts x changes x
 * blocked), then one folded section per account with its plan as {@link MarkdownPlanRenderer}
 * writes it, all within {@link MarkdownPlanRenderer#GITHUB_COMMENT_LIMIT} characters: each
 * account's section gets an equal share of what the table leaves, and accounts that no longer fit
 * are counted in a closing note.
 */
public final class MultiPlanMarkdown {
  private final int limit;

  public MultiPlanMarkdown() {
    this(MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT);
  }

  MultiPlanMarkdown(int limit) {
    this.limit = limit;
  }

  /** The first line: {@code <!-- rolectl:plan stack=NAME accounts=... -->}, for bots. */
  public static String marker(MultiPlan plan) {
    return "<!-- rolectl:plan stack=" + plan.stack() + " accounts=multi -->";
  }

  public String render(MultiPlan plan) {
    StringBuilder out = new StringBuilder(marker(plan)).append('\n');
    out.append("### rolectl plan: `").append(plan.stack()).append("` in ")
        .append(TextPlanRenderer.count(plan.accounts().size(), "account")).append("\n\n");
    out.append("**").append(MultiPlanText.totals(plan)).append("**\n\n");
    out.append("| Account | Status | Create | Update | Replace | Delete | Adopt | Blocked |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (AccountPlan a : plan.accounts()) {
      out.append(row(a));
    }
    out.append("\n#### Accounts\n\n");
    int left = plan.accounts().size();
    for (AccountPlan a : plan.accounts()) {
      String note = hiddenNote(left);
      int share = (limit - out.length() - note.length()) / left;
      String section = section(a, share);
      if (section.length() > share) {
        out.append(note);
        return out.toString();
      }
      out.append(section);
      left--;
    }
    return out.toString();
  }

  private static String row(AccountPlan a) {
    String status = switch (a.status()) {
      case NO_CHANGES -> "no changes";
      case CHANGES -> "changes";
      case BLOCKED -> "**blocked**";
      case FAILED -> "**failed**";
    };
    if (a.plan() == null) {
      return "| " + cell(a.label()) + " | " + status + " | | | | | | |\n";
    }
    Map<Action, Integer> n = a.plan().counts();
    long blocked = a.plan().changes().stream().filter(ResourceChange::blocked).count();
    return "| " + cell(a.label()) + " | " + status + " | " + n.get(Action.CREATE) + " | "
        + n.get(Action.UPDATE) + " | " + n.get(Action.REPLACE) + " | " + n.get(Action.DELETE)
        + " | " + n.get(Action.ADOPT) + " | " + blocked + " |\n";
  }

  /** One account, folded; open when it needs attention (blocked or failed). */
  private static String section(AccountPlan a, int budget) {
    boolean attention = a.status() == AccountPlan.Status.BLOCKED
        || a.status() == AccountPlan.Status.FAILED;
    String head = "<details" + (attention ? " open" : "") + "><summary>"
        + MarkdownPlanRenderer.escapeHtml(a.label()) + ": " + a.status().jsonName()
        + "</summary>\n\n";
    String tail = "\n</details>\n";
    String body;
    if (a.plan() == null) {
      body = "```\n" + a.error().replace("```", "'''") + "\n```\n";
    } else {
      int room = Math.max(0, budget - head.length() - tail.length());
      String md = new MarkdownPlanRenderer(Math.max(room, 1)).render(a.plan());
      body = md.substring(md.indexOf('\n') + 1); // without the single-account marker
    }
    return head + body + tail;
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  static String hiddenNote(int hidden) {
    return "\n> **Truncated:** " + Counts.of(hidden, "more account is", "more accounts are")
        + " not shown because a comment is"
        + " limited to " + MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT + " characters; the table"
        + " above lists every account. See them with `rolectl show PLANFILE` or the JSON plan.\n";
  }
}

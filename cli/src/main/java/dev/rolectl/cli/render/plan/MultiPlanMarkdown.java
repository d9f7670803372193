package dev.rolectl.cli.render.plan;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.ResourceChange;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * A multi-account plan for a pull-request comment, never longer than {@link
 * MarkdownPlanRenderer#COMMENT_BUDGET} characters: the totals, a table with one row per
 * account, then one folded section per account ({@link AccountSection}). Accounts come worst
 * first (failed, blocked, with changes, without; by id within each), so that what needs a
 * reviewer is never the part cut. The table takes at most half the comment (the accounts beyond
 * are counted in a line under it); the sections share the rest: every section that fits is shown
 * short, then the room left is shared out (sections that need little take what they need, the
 * others an equal share of the remainder) and each is shown in full or cut to its share, as the
 * one-account Markdown cuts its changes. Accounts whose short section no longer fits are counted
 * in a closing note.
 */
public final class MultiPlanMarkdown {
  private final int limit;

  public MultiPlanMarkdown() {
    this(MarkdownPlanRenderer.COMMENT_BUDGET);
  }

  MultiPlanMarkdown(int limit) {
    this.limit = limit;
  }

  /** The first line: {@code <!-- rolectl:plan stack=NAME accounts=multi -->}, for bots. */
  public static String marker(MultiPlan plan) {
    return "<!-- rolectl:plan stack=" + MarkdownPlanRenderer.comment(plan.stack())
        + " accounts=multi -->";
  }

  public String render(MultiPlan plan) {
    List<AccountPlan> ordered = new ArrayList<>(plan.accounts());
    ordered.sort(Comparator.comparing(AccountPlan::status).reversed()
        .thenComparing(AccountPlan::accountId));
    StringBuilder out = new StringBuilder(marker(plan)).append('\n');
    out.append("### rolectl plan: ").append(MarkdownCode.inline(plan.stack())).append(" in ")
        .append(Counts.of(plan.accounts().size(), "account")).append("\n\n");
    out.append("**").append(MultiPlanText.totals(plan)).append("**\n\n");
    table(out, ordered, limit / 2);
    out.append("\n#### Accounts\n\n");
    out.append(sections(ordered, limit - out.length()));
    return out.toString();
  }

  /** The table, within {@code budget} characters of the whole; the rows left out are counted. */
  private static void table(StringBuilder out, List<AccountPlan> ordered, int budget) {
    out.append("| Account | Status | Create | Update | Replace | Delete | Adopt | Blocked |\n");
    out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
    for (int i = 0; i < ordered.size(); i++) {
      String row = row(ordered.get(i));
      String note = tableNote(ordered.subList(i, ordered.size()));
      if (out.length() + row.length() + (i + 1 < ordered.size() ? note.length() : 0) > budget) {
        out.append(note);
        return;
      }
      out.append(row);
    }
  }

  private static String tableNote(List<AccountPlan> rest) {
    return "\n_" + Counts.of(rest.size(), "more account") + " not in this table ("
        + rest.stream().filter(a -> a.status() == AccountPlan.Status.CHANGES).count()
        + " with changes, "
        + rest.stream().filter(a -> a.status() == AccountPlan.Status.NO_CHANGES).count()
        + " without; failed and blocked accounts come first): a comment is limited to "
        + MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT + " characters. See every account with"
        + " `rolectl show PLANFILE`._\n";
  }

  /** The sections within {@code room} characters (see the class comment). */
  private static String sections(List<AccountPlan> ordered, int room) {
    List<AccountSection> all = ordered.stream().map(AccountSection::new).toList();
    List<String> shorts = new ArrayList<>();
    int used = 0;
    for (int i = 0; i < all.size(); i++) {
      String s = all.get(i).shortened();
      String note = i + 1 < all.size() ? hiddenNote(all.size() - i - 1) : "";
      if (used + s.length() + note.length() > room) {
        break;
      }
      shorts.add(s);
      used += s.length();
    }
    int shown = shorts.size();
    String note = shown < all.size() ? hiddenNote(all.size() - shown) : "";
    int extra = room - used - note.length();
    int[] wants = new int[shown];
    List<Integer> byNeed = new ArrayList<>();
    for (int i = 0; i < shown; i++) {
      wants[i] = Math.max(0, all.get(i).unlimited().length() - shorts.get(i).length());
      byNeed.add(i);
    }
    byNeed.sort(Comparator.comparingInt(i -> wants[i]));
    int[] budget = new int[shown];
    for (int k = 0; k < shown; k++) {
      int i = byNeed.get(k);
      int grant = Math.min(wants[i], extra / (shown - k));
      budget[i] = shorts.get(i).length() + grant;
      extra -= grant;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < shown; i++) {
      String full = all.get(i).full(budget[i]);
      b.append(full.length() > shorts.get(i).length() ? full : shorts.get(i));
    }
    return b.append(note).toString();
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

  /** An account in a table cell: its id and name as code, so never a link or a mention. */
  private static String cell(String label) {
    return SecurityTable.cell(MarkdownCode.inline(label, 100));
  }

  static String hiddenNote(int hidden) {
    return "\n> **Truncated:** " + Counts.of(hidden, "more account is", "more accounts are")
        + " not shown because a comment is limited to "
        + MarkdownPlanRenderer.GITHUB_COMMENT_LIMIT + " characters; the table above counts"
        + " them. See them with `rolectl show PLANFILE` or the JSON plan.\n";
  }
}

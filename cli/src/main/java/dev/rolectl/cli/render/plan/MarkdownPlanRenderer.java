package dev.rolectl.cli.render.plan;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans as a pull-request comment (GitHub Flavored Markdown): a hidden marker a bot finds its own
 * comment by, the stack and target, the summary, one line per blocked change with its reason
 * folded, the warnings, a narrow security-impact table and one collapsible section per change;
 * never longer than GitHub's comment limit less {@link #WORKFLOW_NOTE_ROOM}. Every part counts
 * against the limit: the Errors, Blocked and Warnings sections share at most half of it ({@link
 * MarkdownHead}), the table what is left of that half, the changes the rest. Names, paths, messages
 * and reasons are code (user text: never links, images or mentions).
 */
public final class MarkdownPlanRenderer {
  /** GitHub's limit for an issue or pull-request comment, in characters. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  /**
   * Characters of the limit left free for a line a workflow adds under the marker (where live
   * state came from): a comment rolectl writes is at most {@code GITHUB_COMMENT_LIMIT -
   * WORKFLOW_NOTE_ROOM} characters.
   */
  public static final int WORKFLOW_NOTE_ROOM = 1_000;

  /** The limit rolectl renders a comment within. */
  public static final int COMMENT_BUDGET = GITHUB_COMMENT_LIMIT - WORKFLOW_NOTE_ROOM;

  /** Characters of a statement shown at most in a cell of the security table. */
  static final int MAX_CELL = 600;

  private final int limit;
  private final TextPlanRenderer text = new TextPlanRenderer(false);

  public MarkdownPlanRenderer() {
    this(COMMENT_BUDGET);
  }

  MarkdownPlanRenderer(int limit) {
    this.limit = limit;
  }

  /**
   * The first line of every comment: {@code <!-- rolectl:plan stack=NAME target=TARGET -->}. A bot
   * updates the comment that starts with it instead of adding another.
   */
  public static String marker(Plan plan) {
    return "<!-- rolectl:plan stack=" + comment(plan.stack()) + " target=" + comment(plan.target())
        + " -->";
  }

  /** Text inside an HTML comment on one line: never {@code --} (so never {@code -->}). */
  static String comment(String s) {
    String one = MarkdownCode.clip(MarkdownCode.oneLine(s), MarkdownCode.MAX_NAME);
    while (one.contains("--")) {
      one = one.replace("--", "- -");
    }
    return one.replace(' ', '_').replace(">", "&gt;");
  }

  public String render(Plan plan) {
    String md = renderWithin(plan);
    return md.length() <= limit ? md : tooLong(plan);
  }

  private String renderWithin(Plan plan) {
    StringBuilder head = new StringBuilder(marker(plan)).append('\n');
    head.append("### rolectl plan: ").append(MarkdownCode.inline(plan.stack())).append("\n\n");
    head.append("Account ").append(MarkdownCode.escapeHtml(MarkdownCode.clip(plan.accountId(), 40)))
        .append(", target ").append(MarkdownCode.inline(plan.target()))
        .append(TextPlanRenderer.snapshotNote(plan)).append("\n\n");
    MarkdownHead sections = new MarkdownHead(plan);
    int half = Math.max(0, limit / 2 - head.length());
    if (plan.errored()) {
      head.append("\u274c **").append(PlanErrors.headline(plan)).append(".**\n\n");
      head.append(sections.errors(half / 3));
    }
    if (!plan.hasChanges()) {
      if (plan.errored()) {
        head.append(PlanErrors.rest(plan)).append("\n\n");
      } else {
        head.append("**No changes.** Live IAM matches the stack (")
            .append(Counts.of(plan.changes().size(), "resource"))
            .append(").\n");
      }
      head.append(sections.warnings(limit - head.length()));
      return head.toString();
    }
    if (plan.errored()) {
      head.append(PlanErrors.CHANGES_INTRO).append("\n\n");
    }
    head.append("**").append(TextPlanRenderer.summary(plan)).append("**\n\n");
    int used = head.length();
    head.append(sections.blocked((limit / 2 - used) * 3 / 4));
    head.append(CoverageLines.markdown(plan));
    head.append(sections.warnings(limit / 2 - head.length()));
    head.append(table(plan, limit / 2 - head.length()));
    head.append(access(plan, limit / 4));
    List<String> changes = new ArrayList<>();
    for (ResourceChange c : plan.effectiveChanges()) {
      changes.add(section(c));
    }
    return fit(head.toString(), changes);
  }

  /**
   * The security table within {@code room} characters: fewer rows while it does not fit (the rest
   * counted), else a line that says it was left out.
   */
  private static String table(Plan plan, int room) {
    for (int rows = SecurityTable.ROW_LIMIT; rows >= 5; rows /= 2) {
      String table = SecurityTable.of(plan, rows);
      if (table.length() <= room) {
        return table;
      }
    }
    String note = "#### Security impact\n\n_Left out: the table does not fit a comment. See it with"
        + " `rolectl show PLANFILE`._\n";
    return note.length() <= room ? note : "";
  }

  /** The last resort, never reached by a plan the budgets above hold: the summary and a pointer. */
  private String tooLong(Plan plan) {
    String md = marker(plan) + "\n### rolectl plan: " + MarkdownCode.inline(plan.stack()) + "\n\n**"
        + TextPlanRenderer.summary(plan) + "**\n\n> **Truncated:** this plan does not fit a comment"
        + " of " + GITHUB_COMMENT_LIMIT + " characters. See it with `rolectl show PLANFILE`.\n";
    return md.length() <= limit ? md : "";
  }

  private String fit(String head, List<String> sections) {
    StringBuilder out = new StringBuilder(head);
    out.append("\n#### Changes\n\n");
    for (int i = 0; i < sections.size(); i++) {
      String note = truncationNote(sections.size() - i);
      if (out.length() + sections.get(i).length() + note.length() > limit) {
        out.append(note);
        return out.toString();
      }
      out.append(sections.get(i));
    }
    return out.toString();
  }

  private static String truncationNote(int hidden) {
    return "\n> **Truncated:** "
        + Counts.of(hidden, "more change is", "more changes are")
        + " not shown because a comment is limited to "
        + GITHUB_COMMENT_LIMIT
        + " characters. See the full plan with `rolectl show PLANFILE` or the JSON plan"
        + " (`rolectl plan --out plan.json`).\n";
  }

  /** One folded section per change; its verdicts are one line each (the reasons are above). */
  private String section(ResourceChange c) {
    String summary =
        "<code>" + escapeHtml(c.action().symbol().trim()) + "</code> " + title(c) + " "
            + ResourceTitle.verb(c.action()) + " (" + ImpactLabel.describe(c.impact())
            + (c.blocked() ? ", <b>blocked</b>" : "") + ")";
    return "<details><summary>"
        + summary
        + "</summary>\n\n"
        + MarkdownCode.fence("diff", diffBlock(text.change(c, false)) + verdictLines(c))
        + "\n</details>\n";
  }

  private static String verdictLines(ResourceChange c) {
    StringBuilder b = new StringBuilder();
    for (Verdict v : c.verdicts()) {
      if (v.level() != Verdict.Level.ALLOW) {
        b.append("  ").append(v.level() == Verdict.Level.BLOCK ? "BLOCKED" : "WARNING")
            .append(" [").append(v.rule()).append("]: see ")
            .append(v.level() == Verdict.Level.BLOCK ? "Blocked" : "Warnings").append(" above\n");
      }
    }
    return b.toString();
  }

  /** A change's short display name in HTML: {@code role <code>x</code>}, a policy by its name. */
  static String title(ResourceChange c) {
    return MarkdownTitle.html(c);
  }

  /** Moves each line's +, - or ~ marker to the first column so that GitHub colours it. */
  static String diffBlock(String block) {
    StringBuilder out = new StringBuilder();
    for (String line : block.split("\n", -1)) {
      if (line.isEmpty()) {
        continue;
      }
      String stripped = line.stripLeading();
      int indent = line.length() - stripped.length();
      char first = stripped.charAt(0);
      if (stripped.startsWith("-/+")) {
        out.append('!').append(" ".repeat(indent)).append(stripped).append('\n');
      } else if (first == '+' || first == '-' || first == '~') {
        char marker = first == '~' ? '!' : first;
        out.append(marker).append(" ".repeat(indent)).append(' ').append(stripped.substring(1)).append('\n');
      } else {
        out.append("  ").append(line).append('\n');
      }
    }
    return out.toString();
  }

  /**
   * The Access section: the verdict, the new facts and each touched role's table, in plain words
   * ({@link AccessSection}, which caps every list), the digest and the scope. Every line holds
   * names and condition values from the stack or the account, so each is a code span (inert).
   */
  private static String access(Plan plan, int budget) {
    var a = plan.access();
    if (a == null) {
      return "";
    }
    StringBuilder t = new StringBuilder("\n#### Access\n\n");
    t.append("**Grants new access: ").append(escapeHtml(AccessSection.verdict(a))).append("**\n\n");
    List<AccessSection.Line> facts = AccessSection.facts(a);
    int listed = 0;
    for (AccessSection.Line l : facts) {
      if (l.fact() != null && t.length() > budget / 2) {
        break;
      }
      String mark = l.fact() == null ? "" : l.fact() == dev.rolectl.engine.access.Grant.YES
          ? "\u2795 " : "\u2753 ";
      t.append("- ").append(mark).append(MarkdownCode.inline(l.text(), ACCESS_LINE)).append('\n');
      listed++;
    }
    t.append(moreAccess(facts.size() - listed, "new access line"));
    if (!a.newAccess().isEmpty()) {
      t.append('\n');
    }
    var roles = AccessSection.roles(a);
    int shown = 0;
    for (var e : roles.entrySet()) {
      StringBuilder r = new StringBuilder("<details><summary>").append(MarkdownCode.html(e.getKey()))
          .append("</summary>\n\n");
      e.getValue().forEach(l -> r.append("- ").append(MarkdownCode.inline(l, ACCESS_LINE))
          .append('\n'));
      r.append("\n</details>\n");
      if (t.length() + r.length() > budget) {
        break;
      }
      t.append(r);
      shown++;
    }
    t.append(moreAccess(roles.size() - shown, "role's access table"));
    t.append("\n").append(escapeHtml(AccessSection.digest(plan)).replaceFirst("(sha256:[0-9a-f]+)",
        "`$1`")).append("\n\n_").append(escapeHtml(String.join(" ", a.notes()))).append("_\n");
    return t.toString();
  }

  /** Characters of one Access line at most: the section stays a small part of a comment. */
  private static final int ACCESS_LINE = 400;

  /** {@code _3 more new access lines: see ..._}, or empty. */
  private static String moreAccess(int n, String what) {
    return n <= 0 ? "" : "\n_" + n + " more " + what + (n == 1 ? "" : "s")
        + ": see the whole plan with `rolectl show PLANFILE`._\n";
  }

  static String escapeHtml(String s) {
    return MarkdownCode.escapeHtml(s);
  }
}

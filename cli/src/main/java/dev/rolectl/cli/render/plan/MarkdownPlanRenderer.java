package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.policy.PolicyDiff;
import dev.rolectl.engine.policy.StatementDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans as a pull-request comment: a summary line, a security-impact table and one collapsible
 * section per change, never longer than GitHub's comment limit.
 */
public final class MarkdownPlanRenderer {
  /** GitHub's limit for an issue or pull-request comment, in characters. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  private static final int TABLE_ROW_LIMIT = 100;

  private final int limit;
  private final TextPlanRenderer text = new TextPlanRenderer(false);

  public MarkdownPlanRenderer() {
    this(GITHUB_COMMENT_LIMIT);
  }

  MarkdownPlanRenderer(int limit) {
    this.limit = limit;
  }

  public String render(Plan plan) {
    StringBuilder head = new StringBuilder();
    head.append("### rolectl plan: `")
        .append(plan.stack())
        .append("` in account ")
        .append(plan.accountId())
        .append("\n\n");
    if (!plan.hasChanges()) {
      head.append("**No changes.** Live IAM matches the stack (")
          .append(plan.changes().size())
          .append(" resources).\n");
      return head.toString();
    }
    head.append("**").append(TextPlanRenderer.summary(plan)).append("**\n\n");
    head.append(safety(plan));
    head.append(securityTable(plan));

    List<String> sections = new ArrayList<>();
    for (ResourceChange c : plan.effectiveChanges()) {
      sections.add(section(c));
    }
    return fit(head.toString(), sections);
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
        + hidden
        + " more change(s) are not shown because a comment is limited to "
        + GITHUB_COMMENT_LIMIT
        + " characters. See the full plan with `rolectl show PLANFILE` or the JSON plan"
        + " (`rolectl plan --out plan.json`).\n";
  }

  private String section(ResourceChange c) {
    String summary =
        "<code>"
            + escapeHtml(c.action().symbol().trim() + " " + c.address())
            + "</code> "
            + ResourceTitle.verb(c.action());
    String impact = ImpactLabel.of(c.impact());
    if (!impact.isEmpty()) {
      summary += " (" + impact + ")";
    }
    return "<details><summary>"
        + summary
        + "</summary>\n\n```diff\n"
        + diffBlock(text.change(c))
        + "```\n\n</details>\n";
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
    return out.toString().replace("```", "`\u200b``");
  }

  private static String safety(Plan plan) {
    StringBuilder t = new StringBuilder();
    for (ResourceChange c : plan.changes()) {
      for (Verdict v : c.verdicts()) {
        if (v.level() == Verdict.Level.ALLOW) {
          continue;
        }
        String label = v.level() == Verdict.Level.BLOCK ? ":no_entry: **Blocked**" : ":warning: Warning";
        t.append("> ")
            .append(label)
            .append(" `")
            .append(c.address())
            .append("` (")
            .append(v.rule())
            .append("): ")
            .append(v.message().replace("\n", " "))
            .append("\n>\n");
      }
    }
    if (plan.blocked()) {
      t.append("> ").append(TextPlanRenderer.blockedLine(plan)).append("\n");
    }
    return t.length() == 0 ? "" : "#### Safety\n\n" + t + "\n";
  }

  private static String securityTable(Plan plan) {
    List<String> rows = new ArrayList<>();
    for (ResourceChange c : plan.effectiveChanges()) {
      rows.addAll(SecurityRows.of(c));
    }
    if (rows.isEmpty()) {
      return "No change to who can do what.\n";
    }
    StringBuilder t = new StringBuilder("#### Security impact\n\n");
    t.append("| Change | Resource | Effect | Actions | Resources | Principals | Conditions |\n");
    t.append("|---|---|---|---|---|---|---|\n");
    rows.stream().limit(TABLE_ROW_LIMIT).forEach(t::append);
    if (rows.size() > TABLE_ROW_LIMIT) {
      t.append("\n_").append(rows.size() - TABLE_ROW_LIMIT).append(" more rows not shown._\n");
    }
    return t.toString();
  }

  static String cell(String s) {
    if (s == null || s.isEmpty()) {
      return "";
    }
    return "`" + s.replace("|", "\\|").replace("`", "'").replace("\n", " ") + "`";
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Security-table rows for one change: statements and attachments added or removed. */
  static final class SecurityRows {
    private SecurityRows() {}

    static List<String> of(ResourceChange c) {
      List<String> rows = new ArrayList<>();
      String address = cell(c.address().value());
      switch (c.kind()) {
        case ROLE_POLICY_ATTACHMENT:
        case PRINCIPAL_POLICY_ATTACHMENT:
          if (c.action() == Action.CREATE || c.action() == Action.DELETE) {
            String what = c.action() == Action.CREATE ? "policy attached" : "policy detached";
            rows.add("| " + what + " | " + address + " | | | | | |\n");
          }
          return rows;
        default:
          break;
      }
      for (AttributeDiff d : c.diffs()) {
        if (d instanceof AttributeDiff.Document doc) {
          statements(rows, address + " " + d.attribute(), StatementDiff.diff(doc.before(), doc.after()));
        }
      }
      if (c.action() == Action.CREATE || c.action() == Action.DELETE) {
        var resource = c.action() == Action.CREATE ? c.after() : c.before();
        Attributes.documents(resource)
            .forEach(
                (name, document) -> {
                  String what = c.action() == Action.CREATE ? "statement added" : "statement removed";
                  for (Statement s : document.statements()) {
                    rows.add(row(what, address + " " + name, s));
                  }
                });
      }
      return rows;
    }

    private static void statements(List<String> rows, String where, PolicyDiff diff) {
      diff.added().forEach(s -> rows.add(row("statement added", where, s)));
      diff.removed().forEach(s -> rows.add(row("statement removed", where, s)));
      diff.changed()
          .forEach(
              ch -> {
                rows.add(row("statement changed (before)", where, ch.before()));
                rows.add(row("statement changed (after)", where, ch.after()));
              });
    }

    private static String row(String change, String where, Statement s) {
      return "| "
          + change
          + " | "
          + where
          + " | "
          + StatementView.effect(s)
          + " | "
          + cell(StatementView.actions(s))
          + " | "
          + cell(StatementView.resources(s))
          + " | "
          + cell(StatementView.principals(s))
          + " | "
          + cell(StatementView.conditions(s))
          + " |\n";
    }
  }
}

package dev.rolectl.cli.render.plan;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * Plans as a pull-request comment (GitHub Flavored Markdown): a hidden marker a bot finds its own
 * comment by, the stack and target, the summary, one line per blocked change with its reason
 * folded, the warnings, a narrow security-impact table and one collapsible section per change;
 * never longer than GitHub's comment limit.
 */
public final class MarkdownPlanRenderer {
  /** GitHub's limit for an issue or pull-request comment, in characters. */
  public static final int GITHUB_COMMENT_LIMIT = 65_536;

  /**
   * At most this many blocked changes, diagnostics and warning verdicts are listed (the rest are
   * counted), so that the head of a comment stays well under the limit: each blocked reason is
   * up to ~1.6 KB.
   */
  static final int MAX_BLOCKED = 15;

  static final int MAX_DIAGNOSTICS = 20;
  static final int MAX_WARNING_VERDICTS = 5;

  private final int limit;
  private final TextPlanRenderer text = new TextPlanRenderer(false);

  public MarkdownPlanRenderer() {
    this(GITHUB_COMMENT_LIMIT);
  }

  MarkdownPlanRenderer(int limit) {
    this.limit = limit;
  }

  /**
   * The first line of every comment: {@code <!-- rolectl:plan stack=NAME target=TARGET -->}. A bot
   * updates the comment that starts with it instead of adding another.
   */
  public static String marker(Plan plan) {
    return "<!-- rolectl:plan stack=" + plan.stack() + " target=" + plan.target().replace("--", "- -")
        + " -->";
  }

  public String render(Plan plan) {
    StringBuilder head = new StringBuilder(marker(plan)).append('\n');
    head.append("### rolectl plan: `").append(plan.stack()).append("`\n\n");
    head.append("Account ").append(plan.accountId()).append(", target `").append(plan.target())
        .append('`').append(TextPlanRenderer.snapshotNote(plan)).append("\n\n");
    if (plan.errored()) {
      head.append("\u274c **").append(PlanErrors.headline(plan)).append(".**\n\n");
      head.append(errors(plan));
    }
    if (!plan.hasChanges()) {
      if (plan.errored()) {
        head.append(PlanErrors.rest(plan)).append("\n\n");
      } else {
        head.append("**No changes.** Live IAM matches the stack (")
            .append(Counts.of(plan.changes().size(), "resource"))
            .append(").\n");
      }
      head.append(warnings(plan));
      return head.toString();
    }
    if (plan.errored()) {
      head.append(PlanErrors.CHANGES_INTRO).append("\n\n");
    }
    head.append("**").append(TextPlanRenderer.summary(plan)).append("**\n\n");
    head.append(blocked(plan));
    head.append(CoverageLines.markdown(plan));
    head.append(warnings(plan));
    // within a small limit (an account's share of a multi-account comment) fewer rows
    String table = SecurityTable.of(plan);
    for (int rows = SecurityTable.ROW_LIMIT / 2; rows >= 5
        && head.length() + table.length() > limit / 2; rows /= 2) {
      table = SecurityTable.of(plan, rows);
    }
    head.append(table);
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
    return escapeHtml(ResourceTitle.of(c)).replaceAll("\"([^\"]*)\"", "<code>$1</code>");
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

  /** One line per blocked change, its reason folded; then what apply will do about them. */
  private static String blocked(Plan plan) {
    StringBuilder t = new StringBuilder();
    int shown = 0;
    int more = 0;
    for (ResourceChange c : plan.changes()) {
      for (Verdict v : c.verdicts()) {
        if (v.level() == Verdict.Level.BLOCK && shown++ >= MAX_BLOCKED) {
          more++;
        } else if (v.level() == Verdict.Level.BLOCK) {
          t.append(folded("\u26d4 <b>Blocked:</b> " + title(c) + " " + ResourceTitle.verb(c.action())
              + " (<code>" + escapeHtml(v.rule()) + "</code>)", v.message()));
        }
      }
    }
    if (t.length() == 0) {
      return "";
    }
    t.append(more(more, "blocked change"));
    long n = plan.changes().stream().filter(ResourceChange::blocked).count();
    return "#### Blocked\n\n" + t + "\n**apply will not make " + (n == 1 ? "this change" : "these "
        + n + " changes") + "** (exit code 3); everything else in the plan can go ahead.\n\n";
  }

  /** The errors (file order), one line each: why the plan is incomplete. */
  private static String errors(Plan plan) {
    List<Diagnostic> errors = plan.errors();
    return "#### Errors\n\n" + diagnosticLines(errors) + more(errors.size() - MAX_DIAGNOSTICS, "error")
        + "\n";
  }

  private static String diagnosticLines(List<Diagnostic> diagnostics) {
    StringBuilder t = new StringBuilder();
    for (Diagnostic d : diagnostics.stream().limit(MAX_DIAGNOSTICS).toList()) {
      String where = d.address() == null ? "`" + d.location() + "`"
          : d.location() == null ? "`" + d.address().value() + "`"
          : "`" + d.address().value() + "` at `" + d.location() + "`";
      t.append("- ").append(d.isError() ? "\u274c " : "\u26a0\ufe0f ").append(where)
          .append(' ').append(escapeHtml(d.severity().label())).append(" (`").append(d.rule())
          .append("`): ").append(escapeHtml(d.message()).replace("\n", " ")).append('\n');
    }
    return t.toString();
  }

  /**
   * Diagnostics other than errors (file order), then warning verdicts, one line each, long
   * reasons folded.
   */
  private static String warnings(Plan plan) {
    List<Diagnostic> others = plan.diagnostics().stream().filter(d -> !d.isError()).toList();
    StringBuilder t = new StringBuilder(diagnosticLines(others));
    t.append(more(others.size() - MAX_DIAGNOSTICS, "warning"));
    StringBuilder verdicts = new StringBuilder();
    int shown = 0;
    int more = 0;
    for (ResourceChange c : plan.changes()) {
      for (Verdict v : c.verdicts()) {
        if (v.level() == Verdict.Level.WARN && shown++ >= MAX_WARNING_VERDICTS) {
          more++;
        } else if (v.level() == Verdict.Level.WARN) {
          verdicts.append(folded("\u26a0\ufe0f " + title(c) + " (<code>" + escapeHtml(v.rule())
              + "</code>)", v.message()));
        }
      }
    }
    verdicts.append(more(more, "warning verdict"));
    if (t.length() == 0 && verdicts.length() == 0) {
      return "";
    }
    return "#### Warnings\n\n" + t + (t.length() > 0 && verdicts.length() > 0 ? "\n" : "")
        + verdicts + "\n";
  }

  /** {@code _3 more blocked changes: see the full plan._}, or empty. */
  private static String more(int n, String what) {
    return n <= 0 ? "" : "\n_" + n + " more " + what + (n == 1 ? "" : "s")
        + ": see the whole plan with `rolectl show PLANFILE`._\n";
  }

  private static String folded(String summary, String body) {
    return "<details><summary>" + summary + "</summary>\n\n" + escapeHtml(body).replace("\n", " ")
        + "\n\n</details>\n";
  }

  static String escapeHtml(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}

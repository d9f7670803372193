package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.util.ArrayList;
import java.util.List;

/**
 * The sections of a Markdown plan above the table: Errors, Blocked and Warnings, each within a
 * budget of characters that counts against the comment's limit. At most {@link #MAX_BLOCKED}
 * blocked changes, {@link #MAX_DIAGNOSTICS} diagnostics and {@link #MAX_WARNING_VERDICTS} warning
 * verdicts are listed, and fewer when their lines do not fit the budget; the rest are counted. A
 * reason longer than its share of the budget (at most {@link #MAX_REASON} characters) is cut, and
 * the cut says how many characters were left out. Messages and reasons carry user text (names,
 * condition values, endpoint answers), so they are code spans: never links, images or mentions.
 */
final class MarkdownHead {
  static final int MAX_BLOCKED = 15;
  static final int MAX_DIAGNOSTICS = 20;
  static final int MAX_WARNING_VERDICTS = 5;

  /** Characters of a reason shown at most (a reason repeated per region can be tens of KB). */
  static final int MAX_REASON = 3_000;

  /** Characters of a reason shown at least, whatever the budget (when the line fits at all). */
  static final int MIN_REASON = 300;

  /** Characters of a diagnostic's message shown at most. */
  static final int MAX_MESSAGE = 1_000;

  /** Room kept for the note that counts what was left out. */
  private static final int NOTE = 160;

  private final Plan plan;

  MarkdownHead(Plan plan) {
    this.plan = plan;
  }

  /** The errors (file order), one line each: why the plan is incomplete. */
  String errors(int budget) {
    List<Diagnostic> errors = plan.errors();
    Items items = diagnosticItems(errors, budget - 16, "error");
    return "#### Errors\n\n" + items.text() + "\n";
  }

  /** One line per blocked change, its reason folded; then what apply will do about them. */
  String blocked(int budget) {
    List<String[]> found = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      for (Verdict v : c.verdicts()) {
        if (v.level() == Verdict.Level.BLOCK) {
          found.add(new String[] {"\u26d4 <b>Blocked:</b> " + MarkdownTitle.html(c) + " "
              + ResourceTitle.verb(c.action()) + " (" + MarkdownCode.html(v.rule()) + ")", v.message()});
        }
      }
    }
    if (found.isEmpty()) {
      return "";
    }
    long n = plan.changes().stream().filter(ResourceChange::blocked).count();
    String closing = "\n**apply will not make " + (n == 1 ? "this change" : "these " + n + " changes")
        + "** (exit code 3); everything else in the plan can go ahead.\n\n";
    int room = budget - "#### Blocked\n\n".length() - closing.length();
    int share = share(room, Math.min(found.size(), MAX_BLOCKED));
    Items items = new Items(room, "blocked change");
    for (String[] f : found) {
      items.add(items.shown() < MAX_BLOCKED ? folded(f[0], f[1], share) : null);
    }
    return "#### Blocked\n\n" + items.text() + closing;
  }

  /**
   * Diagnostics other than errors (file order), then warning verdicts, one line each, long
   * reasons folded.
   */
  String warnings(int budget) {
    List<Diagnostic> others = plan.diagnostics().stream().filter(d -> !d.isError()).toList();
    int room = budget - "#### Warnings\n\n\n\n".length();
    Items diagnostics = diagnosticItems(others, room / 2, "warning");
    List<String[]> found = new ArrayList<>();
    for (ResourceChange c : plan.changes()) {
      for (Verdict v : c.verdicts()) {
        if (v.level() == Verdict.Level.WARN) {
          found.add(new String[] {"\u26a0\ufe0f " + MarkdownTitle.html(c) + " (" + MarkdownCode.html(v.rule())
              + ")", v.message()});
        }
      }
    }
    int left = room - diagnostics.text().length();
    int share = share(left, Math.min(found.size(), MAX_WARNING_VERDICTS));
    Items verdicts = new Items(left, "warning verdict");
    for (String[] f : found) {
      verdicts.add(verdicts.shown() < MAX_WARNING_VERDICTS ? folded(f[0], f[1], share) : null);
    }
    String t = diagnostics.text();
    String w = verdicts.text();
    if (t.isEmpty() && w.isEmpty()) {
      return "";
    }
    return "#### Warnings\n\n" + t + (!t.isEmpty() && !w.isEmpty() ? "\n" : "") + w + "\n";
  }

  private static Items diagnosticItems(List<Diagnostic> diagnostics, int budget, String what) {
    Items items = new Items(budget, what);
    for (Diagnostic d : diagnostics) {
      items.add(items.shown() < MAX_DIAGNOSTICS ? line(d) : null);
    }
    return items;
  }

  private static String line(Diagnostic d) {
    String where = d.address() == null ? MarkdownCode.inline(String.valueOf(d.location()))
        : d.location() == null ? MarkdownCode.inline(d.address().value())
        : MarkdownCode.inline(d.address().value()) + " at " + MarkdownCode.inline(d.location().toString());
    return "- " + (d.isError() ? "\u274c " : "\u26a0\ufe0f ") + where + " "
        + MarkdownCode.escapeHtml(d.severity().label()) + " (" + MarkdownCode.inline(d.rule()) + "): "
        + MarkdownCode.inline(d.message(), MAX_MESSAGE) + "\n";
  }

  /** Each of {@code n} reasons' share of {@code room}, within MIN_REASON..MAX_REASON. */
  private static int share(int room, int n) {
    return n == 0 ? MAX_REASON : Math.max(MIN_REASON, Math.min(MAX_REASON, room / n - 400));
  }

  /** {@code summary} with {@code reason} folded under it as code, cut to {@code max} characters. */
  static String folded(String summary, String reason, int max) {
    String one = MarkdownCode.oneLine(reason);
    String shown = MarkdownCode.span(MarkdownCode.clip(one, max));
    String cut = one.length() <= max ? "" : " _(" + String.format("%,d", one.length() - max)
        + " more characters: the whole reason is in `rolectl show PLANFILE`)_";
    return "<details><summary>" + summary + "</summary>\n\n" + shown + cut + "\n\n</details>\n";
  }

  /** {@code _3 more blocked changes: see the whole plan._}, or empty. */
  static String more(int n, String what) {
    return n <= 0 ? "" : "\n_" + n + " more " + what + (n == 1 ? "" : "s")
        + ": see the whole plan with `rolectl show PLANFILE`._\n";
  }

  /**
   * Lines added while they fit the budget (keeping room for the note); once one does not (or is
   * {@code null}: over the count limit), it and all after it are counted in the note.
   */
  private static final class Items {
    private final int budget;
    private final String what;
    private final StringBuilder text = new StringBuilder();
    private int shown;
    private int hidden;

    Items(int budget, String what) {
      this.budget = budget;
      this.what = what;
    }

    void add(String item) {
      if (hidden > 0 || item == null || text.length() + item.length() + NOTE > budget) {
        hidden++;
        return;
      }
      text.append(item);
      shown++;
    }

    int shown() {
      return shown;
    }

    String text() {
      return text + more(hidden, what);
    }
  }
}

package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;

/**
 * One account's folded section of the multi-account Markdown report, in two sizes: in full (its
 * plan as {@link MarkdownPlanRenderer} writes it within a budget, its changes cut first), or
 * short (the summary line, and what a reviewer must see: each blocked change with its rule and
 * reason, or the error, cut to a few hundred characters). Open when the account is blocked or
 * failed. Names and messages are code: they are data, never markup, links or mentions.
 */
final class AccountSection {
  /** Blocked changes listed in a short section; the rest are counted. */
  static final int SHORT_BLOCKED = 3;

  /** Characters of a reason or an error kept in a short section. */
  static final int SHORT_TEXT = 300;

  private final AccountPlan account;

  AccountSection(AccountPlan account) {
    this.account = account;
  }

  private String whole;

  /** The full section if it fits {@code budget} characters, else as much of it as fits, else empty. */
  String full(int budget) {
    if (unlimited().length() <= budget) {
      return unlimited();
    }
    return cutTo(budget);
  }

  /** The whole section, whatever its size. */
  String unlimited() {
    if (whole == null) {
      whole = cutTo(Integer.MAX_VALUE);
    }
    return whole;
  }

  private String cutTo(int budget) {
    String head = head();
    String tail = tail();
    if (account.plan() == null) {
      String s = head + MarkdownCode.fence("", account.error()) + tail;
      return s.length() <= budget ? s : "";
    }
    int room = budget - head.length() - tail.length();
    if (room <= 0) {
      return "";
    }
    String md = new MarkdownPlanRenderer(room).render(account.plan());
    String s = head + md.substring(md.indexOf('\n') + 1) + tail; // without the one-account marker
    return s.length() <= budget ? s : "";
  }

  /** The short section: the summary, each blocked change's rule and reason, or the error. */
  String shortened() {
    StringBuilder b = new StringBuilder(head());
    if (account.plan() == null) {
      b.append(MarkdownCode.fence("", MarkdownCode.clip(account.error(), SHORT_TEXT)));
    } else {
      b.append("**").append(TextPlanRenderer.summary(account.plan())).append("** (shortened:"
          + " the whole plan is in `rolectl show PLANFILE`)\n");
      int shown = 0;
      int more = 0;
      for (ResourceChange c : account.plan().changes()) {
        for (Verdict v : c.verdicts()) {
          if (v.level() != Verdict.Level.BLOCK) {
            continue;
          }
          if (shown++ >= SHORT_BLOCKED) {
            more++;
            continue;
          }
          b.append("\n- \u26d4 **Blocked:** ").append(MarkdownTitle.markdown(c)).append(' ')
              .append(ResourceTitle.verb(c.action())).append(" (").append(MarkdownCode.inline(v.rule()))
              .append("): ").append(MarkdownCode.inline(v.message(), SHORT_TEXT));
        }
      }
      b.append(more > 0 ? "\n- and " + more + " more blocked\n" : shown > 0 ? "\n" : "");
    }
    return b.append(tail()).toString();
  }

  private String head() {
    boolean attention = account.status() == AccountPlan.Status.BLOCKED
        || account.status() == AccountPlan.Status.FAILED;
    return "<details" + (attention ? " open" : "") + "><summary>"
        + MarkdownCode.html(account.label()) + ": " + account.status().jsonName()
        + "</summary>\n\n";
  }

  private static String tail() {
    return "\n</details>\n";
  }
}

package dev.rolectl.cli.render.plan;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;

/**
 * A multi-account plan for a terminal: each account's plan (or error) under a heading, then one
 * summary line per account and the totals.
 */
public final class MultiPlanText {
  private final TextPlanRenderer single;

  public MultiPlanText(boolean color) {
    this.single = new TextPlanRenderer(color, true);
  }

  public String render(MultiPlan plan) {
    StringBuilder b = new StringBuilder();
    for (AccountPlan a : plan.accounts()) {
      b.append("=== Account ").append(a.label()).append(": ").append(a.status().jsonName())
          .append(" ===\n\n");
      if (a.plan() != null) {
        b.append(single.render(a.plan()));
      } else {
        b.append("Error: ").append(a.error().replace("\n", "\n  ")).append('\n');
      }
      b.append('\n');
    }
    b.append(summary(plan));
    return b.toString();
  }

  /** The closing table: one line per account, then the totals. */
  public static String summary(MultiPlan plan) {
    StringBuilder b = new StringBuilder("Summary of stack ").append(plan.stack()).append(" in ")
        .append(Counts.of(plan.accounts().size(), "account"))
        .append(plan.shards().isEmpty() ? "" : " (shards " + String.join(", ", plan.shards()) + ")")
        .append(":\n");
    for (AccountPlan a : plan.accounts()) {
      b.append(String.format("  %-40s %-10s %s%n", a.label(), a.status().jsonName(),
          a.plan() != null ? TextPlanRenderer.summary(a.plan()) : firstLine(a.error())));
    }
    b.append(totals(plan)).append('\n');
    return b.toString();
  }

  /** {@code 50 accounts: 48 without changes, 1 with changes, 0 blocked, 1 failed.} */
  public static String totals(MultiPlan plan) {
    return Counts.of(plan.accounts().size(), "account") + ": "
        + plan.count(AccountPlan.Status.NO_CHANGES) + " without changes, "
        + plan.count(AccountPlan.Status.CHANGES) + " with changes, "
        + plan.count(AccountPlan.Status.BLOCKED) + " blocked, "
        + plan.count(AccountPlan.Status.FAILED) + " failed.";
  }

  /** The first line of a message, with {@code ...} when there is more. */
  public static String firstLine(String text) {
    int nl = text.indexOf('\n');
    return nl < 0 ? text : text.substring(0, nl) + " ...";
  }
}

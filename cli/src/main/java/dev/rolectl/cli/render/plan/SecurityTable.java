package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.policy.PolicyDiff;
import dev.rolectl.engine.policy.StatementDiff;
import java.util.ArrayList;
import java.util.List;

/**
 * The security-impact table of a Markdown plan: one row per statement or attachment added or
 * removed, three columns (the resource by its short name, the change with its impact, the
 * statement in one line or the policy) so that it fits a pull-request comment.
 */
final class SecurityTable {
  static final int ROW_LIMIT = 40;

  private SecurityTable() {}

  static String of(Plan plan) {
    return of(plan, ROW_LIMIT);
  }

  /** The table with at most {@code rowLimit} rows (the rest counted). */
  static String of(Plan plan, int rowLimit) {
    List<String> rows = new ArrayList<>();
    for (ResourceChange c : plan.effectiveChanges()) {
      rows.addAll(rows(c));
    }
    if (rows.isEmpty()) {
      return "No change to who can do what.\n";
    }
    StringBuilder t = new StringBuilder("#### Security impact\n\n");
    t.append("| Resource | Change | What |\n");
    t.append("|---|---|---|\n");
    rows.stream().limit(rowLimit).forEach(t::append);
    if (rows.size() > rowLimit) {
      t.append("\n_").append(rows.size() - rowLimit).append(" more rows not shown._\n");
    }
    return t.toString();
  }

  /** Rows for one change: statements and attachments added or removed. */
  static List<String> rows(ResourceChange c) {
    List<String> rows = new ArrayList<>();
    String name = cell(MarkdownTitle.markdown(c));
    String impact = ImpactLabel.describe(c.impact());
    switch (c.kind()) {
      case ROLE_POLICY_ATTACHMENT:
      case PRINCIPAL_POLICY_ATTACHMENT:
        if (c.action() == Action.CREATE || c.action() == Action.DELETE) {
          String what = c.action() == Action.CREATE ? "policy attached" : "policy detached";
          String[] parts = MarkdownTitle.attachment(c);
          rows.add(row(what, cell(parts[1]), impact, cell(parts[0])));
        }
        return rows;
      default:
        break;
    }
    for (AttributeDiff d : c.diffs()) {
      if (d instanceof AttributeDiff.Document doc) {
        statements(rows, name + " " + attribute(d.attribute()), StatementDiff.diff(doc.before(), doc.after()));
      }
    }
    if (c.action() == Action.CREATE || c.action() == Action.DELETE) {
      var resource = c.action() == Action.CREATE ? c.after() : c.before();
      String what = c.action() == Action.CREATE ? "statement added" : "statement removed";
      Attributes.documents(resource)
          .forEach(
              (attribute, document) -> {
                for (Statement s : document.statements()) {
                  rows.add(statementRow(what, name + " " + attribute(attribute), s));
                }
              });
    }
    return rows;
  }

  private static void statements(List<String> rows, String where, PolicyDiff diff) {
    diff.added().forEach(s -> rows.add(statementRow("statement added", where, s)));
    diff.removed().forEach(s -> rows.add(statementRow("statement removed", where, s)));
    diff.changed()
        .forEach(
            ch -> {
              rows.add(statementRow("statement changed (before)", where, ch.before()));
              rows.add(statementRow("statement changed (after)", where, ch.after()));
            });
  }

  /** The row's impact: from the statement's effect when added or removed, else the change's. */
  private static String statementRow(String change, String where, Statement s) {
    boolean allow = "Allow".equals(s.effect());
    String impact =
        switch (change) {
          case "statement added" -> allow ? "broadens access" : "narrows access";
          case "statement removed" -> allow ? "narrows access" : "broadens access";
          default -> "changed";
        };
    String statement = StatementView.oneLine(s).replaceFirst(" \\(Sid [^)]*\\)$", "");
    return row(change, where, impact,
        cell(MarkdownCode.inline(statement, MarkdownPlanRenderer.MAX_CELL)));
  }

  private static String row(String change, String where, String impact, String statement) {
    return "| " + where + " | " + change + (impact.isEmpty() ? "" : ": " + impact) + " | "
        + statement + " |\n";
  }

  /** An attribute's name: as it is when a word (trustPolicy), else as code (a plan file's). */
  private static String attribute(String name) {
    return name.matches("[A-Za-z]+") ? name : cell(MarkdownCode.inline(name));
  }

  /** Text for a table cell: pipes escaped (inside code spans too, as GFM tables need), one line. */
  static String cell(String s) {
    return s.replace("|", "\\|").replace("\n", " ");
  }
}

package dev.rolectl.cli.render.plan;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.AttributeDiff;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.policy.PolicyDiff;
import dev.rolectl.engine.policy.PolicyElement;
import dev.rolectl.engine.policy.StatementDiff;
import java.util.Map;
import java.util.stream.Collectors;

/** Plans for people at a terminal, worded like Terraform's. */
public final class TextPlanRenderer {
  private final Ansi ansi;
  private final boolean listDiagnostics;

  /** A renderer that lists the plan's diagnostics after it (for saved plans: {@code show}). */
  public TextPlanRenderer(boolean color) {
    this(color, true);
  }

  /**
   * @param listDiagnostics whether to list the plan's errors and warnings after it; {@code plan}
   *     and {@code apply} print them on stderr instead, before the plan
   */
  public TextPlanRenderer(boolean color, boolean listDiagnostics) {
    this.ansi = new Ansi(color);
    this.listDiagnostics = listDiagnostics;
  }

  public String render(Plan plan) {
    StringBuilder out = new StringBuilder();
    out.append("Stack ")
        .append(ansi.bold(plan.stack()))
        .append(" in account ")
        .append(plan.accountId())
        .append(" (target ")
        .append(plan.target())
        .append(snapshotNote(plan))
        .append(")\n\n");
    if (plan.errored()) {
      errors(out, plan);
    }
    if (!plan.hasChanges()) {
      if (plan.errored()) {
        out.append(PlanErrors.rest(plan)).append('\n');
      } else {
        out.append(ansi.green("No changes."))
            .append(" Live IAM matches the stack (")
            .append(Counts.of(plan.changes().size(), "resource"))
            .append(").\n");
      }
      diagnostics(out, plan);
      return out.toString();
    }
    out.append(plan.errored() ? PlanErrors.CHANGES_INTRO : "rolectl will perform the following actions:")
        .append('\n');
    for (ResourceChange c : plan.effectiveChanges()) {
      out.append('\n');
      change(out, c);
    }
    out.append('\n').append(summary(plan)).append('\n');
    String coverage = CoverageLines.text(plan, ansi);
    if (!coverage.isEmpty()) {
      out.append('\n').append(coverage);
    }
    access(out, plan);
    if (plan.blocked()) {
      out.append(ansi.red(blockedLine(plan))).append('\n');
    }
    if (plan.errored()) {
      out.append(ansi.red(PlanErrors.closing(plan))).append('\n');
    }
    diagnostics(out, plan);
    return out.toString();
  }

  /** The Access section ({@link AccessSection}), when the plan was analysed. */
  private void access(StringBuilder out, Plan plan) {
    var a = plan.access();
    if (a == null) {
      return;
    }
    out.append('\n').append(ansi.bold("Access")).append(" (who can do what; from IAM policies alone)\n");
    String verdict = AccessSection.verdict(a);
    out.append("  Grants new access: ").append(a.grantsNewAccess() == dev.rolectl.engine.access.Grant.NO
        ? verdict : ansi.yellow(verdict)).append('\n');
    for (AccessSection.Line l : AccessSection.facts(a)) {
      String mark = l.fact() == null ? " " : l.fact() == dev.rolectl.engine.access.Grant.YES ? "+" : "?";
      out.append("    ").append(l.fact() == null ? mark + " " + l.text()
          : colour(mark.equals("+") ? "+" : "~", mark + " " + l.text())).append('\n');
    }
    var roles = AccessSection.roles(a);
    roles.entrySet().stream().limit(AccessSection.MAX_ROLES).forEach(e -> {
      out.append("  ").append(e.getKey()).append(":\n");
      e.getValue().forEach(l -> out.append("    ").append(l).append('\n'));
    });
    if (roles.size() > AccessSection.MAX_ROLES) {
      out.append("  ... and ").append(roles.size() - AccessSection.MAX_ROLES)
          .append(" more roles (see the JSON plan)\n");
    }
    out.append("  ").append(AccessSection.digest(plan)).append('\n');
    a.notes().forEach(n -> out.append("  ").append(n).append('\n'));
  }

  /** The first lines of a plan with errors: it is incomplete, and what each error concerns. */
  private void errors(StringBuilder out, Plan plan) {
    out.append(ansi.red(ansi.bold(PlanErrors.headline(plan)))).append(":\n");
    for (var d : plan.errors()) {
      out.append("  - ").append(PlanErrors.where(d)).append('\n');
    }
    out.append('\n');
  }

  /** The plan's errors and warnings after the plan, as {@code file:line:col: warning[rule]: ...}. */
  private void diagnostics(StringBuilder out, Plan plan) {
    if (!listDiagnostics || plan.diagnostics().isEmpty()) {
      return;
    }
    out.append('\n');
    for (var d : plan.diagnostics()) {
      String where = d.location() != null ? d.location().toString() : d.address().value();
      String label = d.isError() ? ansi.red(d.severity().label()) : ansi.yellow(d.severity().label());
      out.append(where).append(": ").append(label).append('[').append(d.rule()).append("]: ")
          .append(d.message()).append('\n');
    }
  }

  /**
   * {@code , snapshot taken 2026-11-29T03:00:00Z} for a dated {@code snapshot:} target, {@code ,
   * snapshot of unknown date} for an undated one, else empty.
   */
  public static String snapshotNote(Plan plan) {
    if (!plan.target().startsWith("snapshot:")) {
      return "";
    }
    return plan.snapshotTakenAt() == null
        ? ", snapshot of unknown date"
        : ", snapshot taken " + plan.snapshotTakenAt();
  }

  /** The closing line of a plan with blocked changes. */
  public static String blockedLine(Plan plan) {
    long n = plan.changes().stream().filter(ResourceChange::blocked).count();
    return "Blocked: "
        + n
        + (n == 1 ? " change is" : " changes are")
        + " refused by safety rules (see BLOCKED above); apply will not make "
        + (n == 1 ? "it." : "them.");
  }

  /** {@code Plan: 1 to create, 0 to update, ...}. */
  public static String summary(Plan plan) {
    Map<Action, Integer> n = plan.counts();
    return "Plan: "
        + n.get(Action.CREATE)
        + " to create, "
        + n.get(Action.UPDATE)
        + " to update, "
        + n.get(Action.REPLACE)
        + " to replace, "
        + n.get(Action.DELETE)
        + " to delete, "
        + n.get(Action.ADOPT)
        + " to adopt; "
        + n.get(Action.NO_OP)
        + " unchanged.";
  }

  /** One change's block, as in the full plan; its verdicts' lines only when asked. */
  String change(ResourceChange c, boolean withVerdicts) {
    StringBuilder out = new StringBuilder();
    change(out, c, withVerdicts);
    return out.toString();
  }

  private void change(StringBuilder out, ResourceChange c) {
    change(out, c, true);
  }

  private void change(StringBuilder out, ResourceChange c, boolean withVerdicts) {
    out.append("  ").append(ansi.bold("# " + c.address() + " " + ResourceTitle.verb(c.action())));
    String impact = ImpactLabel.of(c.impact());
    if (!impact.isEmpty()) {
      out.append(" [").append(c.impact().name().equals("BROADENING") ? ansi.yellow(impact) : impact).append(']');
    }
    out.append('\n');
    if (c.reason() != null) {
      out.append("    (").append(c.reason()).append(")\n");
    }
    out.append(symbol(c.action())).append(' ').append(ResourceTitle.of(c)).append(" {\n");
    switch (c.action()) {
      case CREATE:
        whole(out, c.after(), "+");
        break;
      case DELETE:
      case REPLACE:
        whole(out, c.before(), c.action() == Action.DELETE ? "-" : " ");
        break;
      default:
        for (AttributeDiff d : c.diffs()) {
          diff(out, d);
        }
        break;
    }
    out.append("    }\n");
    for (Verdict v : withVerdicts ? c.verdicts() : java.util.List.<Verdict>of()) {
      out.append("    ").append(verdict(v)).append('\n');
    }
  }

  private String verdict(Verdict v) {
    switch (v.level()) {
      case BLOCK:
        return ansi.red(ansi.bold("BLOCKED")) + " [" + v.rule() + "]: " + v.message();
      case WARN:
        return ansi.yellow("WARNING") + " [" + v.rule() + "]: " + v.message();
      case ALLOW:
      default:
        return "safe [" + v.rule() + "]: " + v.message();
    }
  }

  private void whole(StringBuilder out, dev.rolectl.engine.model.Resource r, String mark) {
    Map<String, String> scalars = Attributes.scalars(r);
    int width = scalars.keySet().stream().mapToInt(String::length).max().orElse(0);
    scalars.forEach(
        (k, v) ->
            out.append("      ")
                .append(colour(mark, mark + " " + pad(k, width) + " = " + quote(v)))
                .append('\n'));
    Attributes.documents(r)
        .forEach(
            (name, doc) -> {
              out.append("      ").append(colour(mark, mark + " " + name + ":")).append('\n');
              for (Statement s : doc.statements()) {
                out.append("          ")
                    .append(colour(mark, mark + " " + StatementView.oneLine(s)))
                    .append('\n');
              }
            });
  }

  private void diff(StringBuilder out, AttributeDiff d) {
    if (d instanceof AttributeDiff.Value v) {
      String mark = v.before() == null ? "+" : v.after() == null ? "-" : "~";
      String text =
          v.before() == null
              ? quote(v.after())
              : v.after() == null ? quote(v.before()) : quote(v.before()) + " -> " + quote(v.after());
      out.append("      ").append(colour(mark, mark + " " + v.attribute() + " = " + text)).append('\n');
      return;
    }
    AttributeDiff.Document doc = (AttributeDiff.Document) d;
    out.append("      ").append(colour("~", "~ " + doc.attribute() + ":")).append('\n');
    document(out, doc.before(), doc.after());
  }

  private void document(StringBuilder out, PolicyDocument before, PolicyDocument after) {
    PolicyDiff diff = StatementDiff.diff(before, after);
    for (PolicyElement e : diff.documentChanges()) {
      out.append("          ")
          .append(colour("~", "~ " + e.jsonName() + " = " + docElement(before, e) + " -> " + docElement(after, e)))
          .append('\n');
    }
    for (Statement s : diff.removed()) {
      out.append("          ").append(colour("-", "- " + StatementView.oneLine(s))).append('\n');
    }
    for (Statement s : diff.added()) {
      out.append("          ").append(colour("+", "+ " + StatementView.oneLine(s))).append('\n');
    }
    for (PolicyDiff.StatementChange ch : diff.changed()) {
      String elements =
          ch.elements().stream().map(PolicyElement::jsonName).collect(Collectors.joining(", "));
      out.append("          ")
          .append(colour("~", "~ " + StatementView.oneLine(ch.after()) + "  (changed: " + elements + ")"))
          .append('\n')
          .append("              ")
          .append(colour("-", "- was: " + StatementView.oneLine(ch.before())))
          .append('\n');
    }
  }

  private static String docElement(PolicyDocument d, PolicyElement e) {
    String v = e == PolicyElement.VERSION ? d.version() : d.id();
    return v == null ? "(none)" : quote(v);
  }

  private String symbol(Action a) {
    String s = a.symbol();
    return colour(s, s.length() >= 3 ? s : "  " + s);
  }

  private String colour(String mark, String text) {
    switch (mark) {
      case "+":
        return ansi.green(text);
      case "-":
        return ansi.red(text);
      case "~":
        return ansi.yellow(text);
      case "-/+":
        return ansi.red(text);
      case "&":
        return ansi.cyan(text);
      default:
        return text;
    }
  }

  private static String pad(String s, int width) {
    return s + " ".repeat(Math.max(0, width - s.length()));
  }

  static String quote(String s) {
    if (s.matches("\\d{1,9}")) {
      return s; // numbers as numbers, like the stack file
    }
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}

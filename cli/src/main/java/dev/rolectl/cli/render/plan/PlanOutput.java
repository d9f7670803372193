package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;

/** The three ways to print a plan. */
public final class PlanOutput {
  /** Output formats of plan and show. */
  public enum Format {
    text,
    json,
    markdown
  }

  private PlanOutput() {}

  /** For a saved plan ({@code show}): the text lists the plan's diagnostics too. */
  public static String render(Plan plan, Format format, boolean color) {
    return render(plan, format, color, true);
  }

  /**
   * @param textListsDiagnostics whether a text plan lists its errors and warnings after it
   *     ({@code plan} prints them on stderr instead); JSON and Markdown always carry them
   */
  public static String render(Plan plan, Format format, boolean color, boolean textListsDiagnostics) {
    switch (format) {
      case json:
        return PlanFile.write(plan);
      case markdown:
        return new MarkdownPlanRenderer().render(plan);
      case text:
      default:
        return new TextPlanRenderer(color, textListsDiagnostics).render(plan);
    }
  }
}

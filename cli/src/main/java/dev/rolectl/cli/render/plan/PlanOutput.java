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

  public static String render(Plan plan, Format format, boolean color) {
    switch (format) {
      case json:
        return PlanFile.write(plan);
      case markdown:
        return new MarkdownPlanRenderer().render(plan);
      case text:
      default:
        return new TextPlanRenderer(color).render(plan);
    }
  }
}

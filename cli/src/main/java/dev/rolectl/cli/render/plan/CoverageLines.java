package dev.rolectl.cli.render.plan;

import dev.rolectl.engine.live.RegionFailure;
import dev.rolectl.engine.plan.EcsCoverage;
import dev.rolectl.engine.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * What a plan's safety check could not read (each way regions failed, once, with its operation,
 * error, regions and what to do) and which regions it did not check because an organisation
 * policy denies the reads there: the same lines in text and Markdown (the JSON plan has them as
 * {@code ecs.failures} and {@code ecs.notChecked}).
 */
final class CoverageLines {
  static final String NOT_READ = "Not read";

  private CoverageLines() {}

  /** One line per failure: {@code ECS ListClusters: reason with the error and the regions}. */
  static List<String> failures(Plan plan) {
    EcsCoverage c = plan.ecs();
    List<String> out = new ArrayList<>();
    if (c != null) {
      for (RegionFailure f : c.failures()) {
        out.add(f.service() + " " + f.operation() + ": " + f.describe());
      }
    }
    return out;
  }

  /** {@code Not checked: 36 regions (denied by organization policy): a, b, ...}, or empty. */
  static String notChecked(Plan plan) {
    EcsCoverage c = plan.ecs();
    if (c == null || c.notChecked().isEmpty()) {
      return "";
    }
    int n = c.notChecked().size();
    return "Not checked: " + n + (n == 1 ? " region (" : " regions (")
        + RegionFailure.DENIED_BY_ORGANIZATION + "): " + String.join(", ", c.notChecked());
  }

  /** The text block, or empty. */
  static String text(Plan plan, Ansi ansi) {
    StringBuilder out = new StringBuilder();
    List<String> failures = failures(plan);
    if (!failures.isEmpty()) {
      out.append(ansi.red(NOT_READ)).append(" (the changes that need these reads are blocked):\n");
      failures.forEach(f -> out.append("  - ").append(f).append('\n'));
    }
    String skipped = notChecked(plan);
    if (!skipped.isEmpty()) {
      out.append(ansi.yellow(skipped)).append(" (settings.ecs.organizationDeniedRegions)\n");
    }
    return out.toString();
  }

  /** The Markdown block, or empty. */
  static String markdown(Plan plan) {
    StringBuilder out = new StringBuilder();
    List<String> failures = failures(plan);
    if (!failures.isEmpty()) {
      out.append("#### ").append(NOT_READ).append("\n\n");
      failures.forEach(f -> out.append("- ")
          .append(MarkdownPlanRenderer.escapeHtml(f).replace("\n", " ")).append('\n'));
      out.append("\nThe changes that need these reads are blocked (fail closed).\n\n");
    }
    String skipped = notChecked(plan);
    if (!skipped.isEmpty()) {
      out.append("\u26a0\ufe0f **").append(MarkdownPlanRenderer.escapeHtml(skipped))
          .append("** (`settings.ecs.organizationDeniedRegions`)\n\n");
    }
    return out.toString();
  }
}

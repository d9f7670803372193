package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.plan.PlanOutput;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.MultiPlanFile;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import dev.rolectl.engine.plan.PlanFormatException;
import dev.rolectl.engine.plan.PlanSignature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code rolectl show PLANFILE}: renders a saved plan. */
@Command(
    name = "show",
    mixinStandardHelpOptions = true,
    sortOptions = false,
    header = "Print a saved plan.",
    description = {
      "Renders a plan saved with 'rolectl plan --out FILE' (one account or many), without"
          + " reading AWS, and says whether it is signed and by which plan key (ROLECTL_PLAN_KEY or"
          + " ROLECTL_PLAN_KEY_FILE set: verified with it).",
      "",
      "A file that is not exactly what rolectl writes for its content (a field added, missing,"
          + " retyped, or saying something else than the data it follows from) is refused. What"
          + " is shown is what apply would run; apply runs it only if planning the file's stack"
          + " against live IAM then gives these very changes."
    },
    footer = {
      "",
      "Examples:",
      "  rolectl show plan.json",
      "  rolectl show plan.json --format markdown > comment.md",
      "  ROLECTL_PLAN_KEY_FILE=plan.key rolectl show plan.json",
      "",
      "Exit codes:",
      "  0  shown",
      "  1  the file is missing, corrupt, edited or of another format version; or",
      "     a plan key is set and the plan is not signed with it (shown all the",
      "     same)"
    })
public final class ShowCommand extends BaseCommand {
  @Parameters(index = "0", paramLabel = "PLANFILE", description = "A plan saved with plan --out.")
  Path file;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "Output: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  PlanOutput.Format format;

  @Override
  public Integer call() {
    String text = text(file);
    PlanSignature.Check signature;
    String rendered;
    try {
      if (MultiPlanFile.isMultiAccount(text)) {
        MultiPlan multi = MultiPlanFile.read(text);
        rendered = format == PlanOutput.Format.json
            ? withSignature(MultiPlanFile.write(multi), text)
            : MultiAccountPlan.render(multi, format, outColor());
      } else {
        Plan plan = PlanFile.read(text);
        rendered = format == PlanOutput.Format.json
            ? withSignature(PlanFile.write(plan), text)
            : PlanOutput.render(plan, format, outColor());
      }
      signature = PlanSignature.check(text, PlanKeys.from(cli.env()));
    } catch (PlanFormatException e) {
      throw new UserError(e.at(file.toString()));
    } catch (dev.rolectl.engine.live.TargetException e) {
      throw new UserError(file + ": " + e.getMessage());
    }
    String line = "Signature: " + signature.describe();
    switch (format) {
      case json -> err().println(line);
      case markdown -> out().print("> " + line + "\n\n");
      case text -> out().print(line + "\n\n");
    }
    out().print(rendered);
    out().flush();
    err().flush();
    return signature.acceptable() ? ExitCode.OK : ExitCode.ERROR;
  }

  /** The JSON as written, with the file's signature member (it still verifies: same content). */
  private static String withSignature(String json, String file) {
    try {
      var mapper = new com.fasterxml.jackson.databind.ObjectMapper()
          .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
      var out = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(json);
      var sig = mapper.readTree(file).get("signature");
      if (sig != null) {
        out.set("signature", sig);
      }
      return mapper.writeValueAsString(out) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a plan did not parse back", e);
    }
  }

  /** Reads a saved plan's text (bounded, strict UTF-8), turning every failure into a message that names the file. */
  static String text(Path file) {
    try {
      return dev.rolectl.engine.api.SavedPlans.readText(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such plan file; save one with 'rolectl plan --out " + file + "'");
    } catch (PlanFormatException e) {
      throw new UserError(e.getMessage());
    }
  }
}

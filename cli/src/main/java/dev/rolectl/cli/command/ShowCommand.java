package dev.rolectl.cli.command;

import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.render.plan.PlanOutput;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFormatException;
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
    description = "Renders a plan saved with 'rolectl plan --out FILE' (one account or many),"
        + " without reading AWS.",
    footer = {
      "",
      "Examples:",
      "  rolectl show plan.json",
      "  rolectl show plan.json --format markdown > comment.md",
      "",
      "Exit codes:",
      "  0  shown",
      "  1  the file is missing, corrupt or of another format version"
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
    var multi = Files.isRegularFile(file) ? readMulti(file) : java.util.Optional.<dev.rolectl.engine.plan.MultiPlan>empty();
    if (multi.isPresent()) {
      out().print(MultiAccountPlan.render(multi.get(), format, outColor()));
      return ExitCode.OK;
    }
    out().print(PlanOutput.render(read(file), format, outColor()));
    return ExitCode.OK;
  }

  private static java.util.Optional<dev.rolectl.engine.plan.MultiPlan> readMulti(Path file) {
    try {
      return dev.rolectl.engine.api.SavedPlans.readMulti(file);
    } catch (PlanFormatException | dev.rolectl.engine.live.TargetException e) {
      throw new UserError(e.getMessage());
    }
  }

  /** Reads a saved plan, turning every failure into a message that names the file. */
  static Plan read(Path file) {
    try {
      return dev.rolectl.engine.api.SavedPlans.readPlan(file);
    } catch (NoSuchFileException e) {
      throw new UserError(file + ": no such plan file; save one with 'rolectl plan --out " + file + "'");
    } catch (PlanFormatException e) {
      throw new UserError(e.getMessage());
    }
  }
}

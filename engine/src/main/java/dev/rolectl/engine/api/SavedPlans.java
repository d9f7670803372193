package dev.rolectl.engine.api;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.MultiPlanFile;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import dev.rolectl.engine.plan.PlanFormatException;
import dev.rolectl.engine.input.InputFile;
import dev.rolectl.engine.input.InputProblem;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** Saved plans given to {@code apply}: telling them from stacks, and what they need to apply. */
public final class SavedPlans {
  private SavedPlans() {}

  /** A saved plan when the file is JSON; empty for a stack. */
  public static Optional<Plan> read(Path path) {
    return text(path).map(t -> plan(path, t));
  }

  /** A saved multi-account plan when the file is one; empty for a stack or a one-account plan. */
  public static Optional<MultiPlan> readMulti(Path path) {
    return text(path).filter(SavedPlans::isMulti).map(t -> multi(path, t));
  }

  /**
   * The text of {@code path} when it may be a saved plan (not a stack, and starts like JSON); empty
   * for a stack. Read once, so that what is checked (its signature) is what is parsed.
   */
  public static Optional<String> text(Path path) {
    return json(path);
  }

  /** Whether a saved plan's text is a multi-account plan. */
  public static boolean isMulti(String text) {
    return MultiPlanFile.isMultiAccount(text);
  }

  /** The one-account plan in {@code text}, read from {@code path} (named in errors). */
  public static Plan plan(Path path, String text) {
    if (isMulti(text)) {
      throw new PlanFormatException(path + ": a multi-account plan; read it with readMulti");
    }
    return parse(path, () -> PlanFile.read(text));
  }

  /** The multi-account plan in {@code text}, read from {@code path} (named in errors). */
  public static MultiPlan multi(Path path, String text) {
    return parse(path, () -> MultiPlanFile.read(text));
  }

  /**
   * Whether {@code path} is a stack whatever its content: a directory, or a {@code .yaml} or
   * {@code .yml} file (a stack may be written in JSON syntax, which is YAML too).
   */
  public static boolean isStack(Path path) {
    String name = path.getFileName() == null ? "" : path.getFileName().toString()
        .toLowerCase(java.util.Locale.ROOT);
    return Files.isDirectory(path) || name.endsWith(".yaml") || name.endsWith(".yml");
  }

  /**
   * A multi-account plan, for {@code merge}: {@code text} ({@link #readText}) read as one whatever
   * it holds, so that a broken file is refused at its line and column.
   *
   * @throws PlanFormatException naming the file, line and column of the problem
   */
  public static MultiPlan readMultiPlan(Path path, String text) {
    try {
      return MultiPlanFile.read(text);
    } catch (PlanFormatException e) {
      throw new PlanFormatException(e.at(path.toString())
          + (e.getMessage().startsWith("not a multi-account plan") ? " (save one with 'rolectl"
              + " plan --accounts ... --out FILE')" : ""));
    }
  }

  /**
   * A saved plan of one account, for {@code show}: read as {@link #read} does, whatever the
   * file's name.
   *
   * @throws NoSuchFileException when the file does not exist
   * @throws PlanFormatException naming the file, line and column of the problem
   */
  public static Plan readPlan(Path path) throws NoSuchFileException {
    String text = contents(path);
    return parse(path, () -> PlanFile.read(text));
  }

  /**
   * The file's text when it may be a saved plan: not a stack, and named {@code *.json} or
   * starting like JSON (after a UTF-8 byte order mark; an encoding {@link InputFile} refuses is
   * named then).
   */
  private static Optional<String> json(Path path) {
    if (!Files.isRegularFile(path) || isStack(path)) {
      return Optional.empty();
    }
    try {
      String text = contents(path);
      boolean named = path.getFileName().toString().toLowerCase(java.util.Locale.ROOT)
          .endsWith(".json");
      return named || text.stripLeading().startsWith("{") ? Optional.of(text) : Optional.empty();
    } catch (NoSuchFileException e) {
      return Optional.empty(); // gone since: read as a stack, which says so
    }
  }

  /**
   * The text of a plan file, read once so that what is checked (its signature) is what is
   * parsed: bounded, strict UTF-8 ({@link InputFile}).
   *
   * @throws NoSuchFileException when the file does not exist
   * @throws PlanFormatException naming the file when it is too large, a directory or not UTF-8
   */
  public static String readText(Path path) throws NoSuchFileException {
    return contents(path);
  }

  private static String contents(Path path) throws NoSuchFileException {
    try {
      return InputFile.read(path, PlanFile.KIND);
    } catch (InputProblem e) {
      throw new PlanFormatException(e.at(path.toString()));
    }
  }

  /** Parses, naming the file, line and column in a format error. */
  private static <T> T parse(Path path, java.util.function.Supplier<T> read) {
    try {
      return read.get();
    } catch (PlanFormatException e) {
      throw new PlanFormatException(e.at(path.toString())
          + (e.getMessage().startsWith("not a") ? " (apply takes a plan saved with 'rolectl plan"
              + " --out FILE', or a stack: a .yaml or .yml file or a directory)" : ""));
    }
  }

  /**
   * Why a saved plan made against {@code local:FILE} is stale when FILE is not there: a relative
   * path is taken from the current directory, which may not be the one plan ran in (a missing
   * file reads as an empty account). Empty when the file exists or the target is not local:.
   */
  public static Optional<String> missingAccountFile(String spec) {
    if (!spec.startsWith("local:")) {
      return Optional.empty();
    }
    Path file = Path.of(spec.substring("local:".length()));
    if (Files.exists(file)) {
      return Optional.empty();
    }
    return Optional.of(
        "the plan was made against " + spec + ", but " + file.toAbsolutePath() + " does not exist"
            + (file.isAbsolute() ? "" : " (a relative path is taken from the current directory;"
                + " run apply from the directory plan ran in, or give --target local:ABSOLUTE_PATH)")
            + "; nothing was changed");
  }

  /**
   * Why {@code plan}, saved in {@code file}, cannot be applied to {@code target}: a {@code
   * snapshot:} file is read-only. The advice names what to use instead: the account the snapshot
   * was taken of ({@code --target aws}), where apply goes ahead only while that account's IAM still
   * matches the plan. Empty for a target that apply can change.
   */
  public static Optional<String> readOnlyTarget(Path file, Plan plan, Target target) {
    if (target.writable()) {
      return Optional.empty();
    }
    String instead = "rolectl apply " + file + " --target aws (with --profile or --region for that"
        + " account if needed)";
    if (!target.spec().equals(plan.target())) {
      return Optional.of("--target " + target.spec() + " is read-only (a snapshot: file is for"
          + " planning only): apply changes aws or local:FILE, e.g. " + instead);
    }
    return Optional.of(file + " was planned against " + plan.target() + ", a snapshot, which apply"
        + " cannot change: apply it to the account the snapshot was taken of with " + instead
        + ". It goes ahead only if that account's IAM still matches the snapshot (else it is"
        + " refused as stale: plan again against the account); nothing was changed");
  }
}

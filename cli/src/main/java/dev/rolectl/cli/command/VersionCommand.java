package dev.rolectl.cli.command;

import dev.rolectl.cli.BuildInfo;
import dev.rolectl.cli.ExitCode;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code rolectl version}: version, commit, build date, Java, and the data catalogues' dates. */
@Command(
    name = "version",
    mixinStandardHelpOptions = true,
    header = "Print the version, commit, build date and AWS data dates.",
    description = "What to quote in a bug report. --version prints only the first line.",
    footer = {"", "Exit codes:", "  0  printed"})
public final class VersionCommand extends BaseCommand {
  @Override
  public Integer call() {
    BuildInfo b = BuildInfo.load();
    out().println("rolectl " + b.version());
    out().println("commit:  " + b.commit() + (b.dirty() ? " (with uncommitted changes)" : ""));
    out().println("built:   " + b.built());
    out().println(
        "java:    "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")");
    List<String> catalogues = Catalogues.lines();
    if (catalogues.isEmpty()) {
      out().println("AWS data catalogues: none bundled in this build");
    }
    for (String line : catalogues) {
      out().println(line);
    }
    return ExitCode.OK;
  }

  /**
   * The AWS data that the engine bundles ({@link dev.rolectl.engine.policy.catalogue.Catalogues}),
   * one line each: {@code NAME: DATE (SOURCE VERSION)}.
   */
  static final class Catalogues {
    private Catalogues() {}

    static List<String> lines() {
      return dev.rolectl.engine.policy.catalogue.Catalogues.info().stream()
          .map(c -> c.name() + ": " + c.date() + " (" + c.source() + ", " + c.version() + ")")
          .toList();
    }
  }
}

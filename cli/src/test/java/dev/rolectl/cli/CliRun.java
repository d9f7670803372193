package dev.rolectl.cli;

import java.util.Map;

/** Runs the whole CLI in-process (not a terminal, nothing typed) and captures what it printed. */
public record CliRun(int exitCode, String out, String err) {

  public static CliRun run(String... args) {
    return run(Map.of(), args);
  }

  public static CliRun run(Map<String, String> env, String... args) {
    TestCli.Run run = TestCli.run(env, args);
    return new CliRun(run.exit(), run.out(), run.err());
  }

  @Override
  public String toString() {
    return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
  }
}

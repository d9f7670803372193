package dev.rolectl.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Runs the CLI in-process with its own streams, environment and terminal flag. */
public final class TestCli {
  /** What a run gave. */
  public record Run(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private TestCli() {}

  /**
   * @param terminal whether stdin/stdout count as a terminal (interactive)
   * @param stdin what the user types
   */
  public static Run run(Map<String, String> env, boolean terminal, String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        new Main(
                new PrintWriter(out, true),
                new PrintWriter(err, true),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                env,
                terminal)
            .run(args);
    return new Run(exit, out.toString(), err.toString());
  }

  /** Not a terminal, nothing typed. */
  public static Run run(Map<String, String> env, String... args) {
    return run(env, false, "", args);
  }
}

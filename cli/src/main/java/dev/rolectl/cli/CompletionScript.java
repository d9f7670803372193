package dev.rolectl.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.AutoComplete;

/**
 * Writes the shell completion scripts with picocli's own generator ({@link AutoComplete}): {@code
 * rolectl.bash} and {@code rolectl.zsh} (the same script: picocli's output runs in zsh through
 * bashcompinit). The build runs it (exec-maven-plugin, prepare-package); the release archive ships
 * the result in {@code completion/}.
 */
public final class CompletionScript {
  private CompletionScript() {}

  /** The script for the whole command tree, every subcommand included. */
  public static String bash() {
    PrintWriter sink = new PrintWriter(new StringWriter());
    Cli cli = new Cli(sink, sink, InputStream.nullInputStream(), Map.of(), false);
    return AutoComplete.bash("rolectl", cli.commandLine());
  }

  /** {@code args[0]}: the folder to write into (created if missing). */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      throw new IllegalArgumentException("usage: CompletionScript OUTPUT_DIR");
    }
    Path dir = Files.createDirectories(Path.of(args[0]));
    String script = bash();
    Files.writeString(dir.resolve("rolectl.bash"), script, StandardCharsets.UTF_8);
    Files.writeString(
        dir.resolve("rolectl.zsh"),
        "# rolectl completion for zsh: source this file from ~/.zshrc (picocli's script, run"
            + " through bashcompinit)\n"
            + script,
        StandardCharsets.UTF_8);
  }
}

package dev.rolectl.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Argument handling, help and error policy of the command line, run in-process. */
class CliTest {

  @ParameterizedTest
  @ValueSource(strings = {"validate", "graph"})
  void everyCommandHasHelpWithExamplesAndExitCodes(String command) {
    CliRun r = CliRun.run(command, "--help");
    assertEquals(0, r.exitCode(), r.toString());
    assertEquals("", r.err());
    assertTrue(r.out().startsWith("Usage: rolectl " + command) || r.out().contains("Usage: rolectl " + command), r.out());
    assertTrue(r.out().contains("Examples:\n  rolectl " + command + " "), r.out());
    assertTrue(r.out().contains("Exit codes:\n  0  "), r.out());
    assertFalse(r.out().contains("null"), "an unescaped ${...} in help text: " + r.out());
  }

  @Test
  void rootHelpListsCommandsAndExitCodes() {
    CliRun r = CliRun.run("--help");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().contains("  validate  "), r.out());
    assertTrue(r.out().contains("  graph     "), r.out());
    assertTrue(r.out().contains("3  blocked by a safety rule"), r.out());
  }

  /** The root help lists every exit code, each command's help included. */
  @Test
  void rootHelpListsEveryExitCodeTheCommandsList() {
    CliRun root = CliRun.run("--help");
    assertTrue(root.out().endsWith("Exit codes:\n"
        + "  0  success (plan with --detailed-exitcode: no changes)\n"
        + "  1  error: invalid stack, bad arguments, failed call\n"
        + "  2  changes present (plan with --detailed-exitcode)\n"
        + "  3  blocked by a safety rule\n"
        + "  4  approval required (apply --require-approval): nothing was changed\n"
        + "  130  interrupted (apply, Ctrl-C): the changes in progress finished, no new one\n"
        + "       was started; apply again converges\n"
        + "  143  terminated (apply, SIGTERM, as CI runners cancel a job): as 130\n"
        + "  129  hung up (apply, SIGHUP, the terminal closed): as 130\n"
        + "Each command's help says which of these it gives (rolectl help COMMAND).\n"),
        root.out());
    java.util.Set<String> listed = exitCodes(root.out());
    for (String command : Commands.NAMES) {
      CliRun help = CliRun.run(command, "--help");
      java.util.Set<String> codes = exitCodes(help.out());
      assertFalse(codes.isEmpty(), command + " --help lists no exit codes:\n" + help.out());
      assertTrue(listed.containsAll(codes), command + " gives " + codes + ", rolectl --help lists "
          + listed);
    }
  }

  /** The codes of the lines {@code "  N  meaning"} after "Exit codes". */
  private static java.util.Set<String> exitCodes(String help) {
    String after = help.substring(Math.max(0, help.indexOf("Exit codes")));
    return after.lines().map(l -> l.replaceFirst("^  (\\d+)  .*", "$1"))
        .filter(l -> l.matches("\\d+")).collect(java.util.stream.Collectors.toCollection(
            java.util.TreeSet::new));
  }

  /** Every offline example in a help text (validate, graph on examples/) runs without error. */
  @ParameterizedTest
  @ValueSource(strings = {"", "validate", "graph"})
  void offlineExamplesInHelpTextsWork(String command) {
    CliRun help = command.isEmpty() ? CliRun.run("--help") : CliRun.run(command, "--help");
    String examples = RepoFiles.root().resolve("examples").toString();
    List<String> run = help.out().lines()
        .filter(l -> l.matches("  rolectl (validate|graph) examples/\\S+.*"))
        .map(l -> l.replaceFirst(" \\|.*", "").trim())
        .toList();
    assertFalse(run.isEmpty(), help.out());
    for (String example : run) {
      String[] args = example.replace("examples/", examples + "/").substring("rolectl ".length()).split(" ");
      CliRun r = CliRun.run(args);
      assertEquals(0, r.exitCode(), example + "\n" + r);
    }
  }

  @Test
  void noArgumentsIsAUsageErrorWithTheUsageOnStderr() {
    CliRun r = CliRun.run();
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: no command given\nUsage: rolectl"), r.err());
  }

  @Test
  void versionCommandPrintsVersionCommitBuildDateAndCatalogues() {
    CliRun r = CliRun.run("version");
    assertEquals(0, r.exitCode(), r.toString());
    String[] lines = r.out().split("\n");
    assertTrue(lines[0].matches("rolectl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), r.out());
    assertTrue(lines[1].matches("commit: +([0-9a-f]{12}|unknown).*"), r.out());
    assertTrue(lines[2].matches("built: +\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ"), r.out());
    // one line per bundled catalogue, with its date and source
    List<String> catalogues = List.of(lines).subList(4, lines.length);
    assertEquals(dev.rolectl.engine.policy.catalogue.Catalogues.info().size(), catalogues.size(), r.out());
    for (String line : catalogues) {
      assertTrue(line.matches("[^:]+: \\d{4}-\\d\\d-\\d\\d \\(.+, .+\\)"), line);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"validate", "graph", "plan", "show", "apply", "import", "snapshot", "version"})
  void helpFitsEightyColumnsAndEveryCommandIsListedOnOneLine(String command) {
    CliRun help = CliRun.run(command, "--help");
    assertEquals(0, help.exitCode(), help.toString());
    for (String line : help.out().split("\n")) {
      assertTrue(line.length() <= 80, "longer than 80 columns: " + line);
    }
    // footers are not wrapped well by picocli: each of their lines must fit as written
    java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
    Cli cli = new Cli(sink, sink, java.io.InputStream.nullInputStream(), java.util.Map.of(), false);
    for (String line : cli.commandLine().getSubcommands().get(command).getCommandSpec()
        .usageMessage().footer()) {
      assertTrue(line.length() <= 80, "a footer line longer than 80 columns: " + line);
    }
    CliRun root = CliRun.run("--help");
    String listed =
        root.out().lines().filter(l -> l.startsWith("  " + command + " ")).findFirst().orElseThrow();
    int next = root.out().lines().toList().indexOf(listed) + 1;
    assertFalse(
        root.out().lines().toList().get(next).startsWith("       "),
        "the summary of " + command + " wraps: " + listed);
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun r = CliRun.run("--version");
    assertEquals(0, r.exitCode());
    assertTrue(r.out().matches("rolectl \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\n"), r.out());
  }

  @Test
  void unknownOptionIsAnErrorWithAPointerToHelp() {
    CliRun r = CliRun.run("validate", "--frobnicate", ".");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertEquals("", r.out());
    assertTrue(r.err().startsWith("error: Unknown option: '--frobnicate'"), r.err());
    assertTrue(r.err().contains("Run 'rolectl validate --help' for usage."), r.err());
  }

  @Test
  void unknownCommandIsAnError() {
    CliRun r = CliRun.run("destroy-everything");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().contains("Run 'rolectl --help' for usage."), r.err());
  }

  @Test
  void missingPathIsAnError() {
    CliRun r = CliRun.run("validate");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().contains("Missing required parameter: 'PATH'"), r.err());
  }

  @Test
  void pathThatDoesNotExistIsAnError() {
    CliRun r = CliRun.run("graph", "no/such/stack");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().startsWith("error: PATH: no such file or directory: no/such/stack"), r.err());
  }

  @Test
  void mistypedOptionIsReportedAsSuch() {
    CliRun r = CliRun.run("validate", "--formt", "json", "no/such/stack");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().contains("'--formt'"), r.err());
    assertTrue(r.err().contains("--format"), "suggests the right option: " + r.err());
  }

  @Test
  void badFormatNamesTheAllowedValues(@TempDir Path dir) {
    CliRun r = CliRun.run("validate", dir.toString(), "--format", "xml");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().contains("text, json, sarif"), r.err());
  }

  @Test
  void accountIdMustBeTwelveDigits(@TempDir Path dir) {
    CliRun r = CliRun.run("validate", dir.toString(), "--account-id", "12345");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().startsWith("error: --account-id must be 12 digits, got '12345'"), r.err());
  }

  @Test
  void varNeedsNameEqualsValue(@TempDir Path dir) {
    CliRun r = CliRun.run("validate", dir.toString(), "--var", "env");
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertEquals("error: --var needs NAME=VALUE, got 'env': write --var env=VALUE\n"
        + "Run 'rolectl validate --help' for usage.\n", r.err());
    CliRun noName = CliRun.run("validate", dir.toString(), "--var==x");
    assertEquals("error: --var needs NAME=VALUE, got '=x': write --var NAME=VALUE\n"
        + "Run 'rolectl validate --help' for usage.\n", noName.err());
    CliRun nothing = CliRun.run("validate", dir.toString(), "--var");
    assertEquals("error: --var needs NAME=VALUE after it, e.g. --var env=prod\n"
        + "Run 'rolectl validate --help' for usage.\n", nothing.err());
  }

  /** Repeated, attached with "=", a value holding "=" or empty: each reaches ${var.NAME}. */
  @Test
  void varTakesEveryFormOfNameEqualsValue(@TempDir Path dir) throws java.io.IOException {
    Path stack = java.nio.file.Files.writeString(dir.resolve("s.yaml"), "apiVersion: rolectl/v1\n"
        + "stack: s\nroles:\n  r:\n    description: \"${var.a}|${var.b}|${var.c}\"\n"
        + "    trustPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal:"
        + " {Service: ec2.amazonaws.com}, Action: \"sts:AssumeRole\"}]}\n");
    CliRun r = CliRun.run("plan", stack.toString(), "--target", "local:" + dir.resolve("a.json"),
        "--var", "a=x=y", "--var=b=", "--var", "c=z", "--var", "c=last");
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.out().contains("description        = \"x=y||last\""), r.out());
  }

  @Test
  void varFileMustExist(@TempDir Path dir) {
    CliRun r = CliRun.run("validate", dir.toString(), "--var-file", dir.resolve("nope.yaml").toString());
    assertEquals(ExitCode.ERROR, r.exitCode());
    assertTrue(r.err().startsWith("error: --var-file: no such file or directory: "), r.err());
  }

  /** A command that fails the way a bug would. */
  @picocli.CommandLine.Command(name = "boom")
  static final class Boom implements java.util.concurrent.Callable<Integer> {
    @picocli.CommandLine.Option(names = "--debug")
    boolean debug;

    @picocli.CommandLine.Option(names = "--java")
    boolean java;

    @Override
    public Integer call() {
      if (java) {
        Object none = null;
        return none.hashCode(); // Java's own message: "Cannot invoke ... because ..."
      }
      throw new IllegalStateException("something broke");
    }
  }

  /** Java's own wording (a NullPointerException's, here) is for --debug only. */
  @Test
  void javaMessagesOfABugAreNotShownUnlessDebug() {
    CliRun plain = runBoom("boom", "--java");
    assertEquals(ExitCode.ERROR, plain.exitCode());
    assertEquals("error: an internal error in rolectl (a bug; nothing in your input should cause"
        + " it): run again with --debug for the details, and please report them\n", plain.err());
    CliRun debug = runBoom("boom", "--java", "--debug");
    assertTrue(debug.err().contains("java.lang.NullPointerException: Cannot invoke"), debug.err());
  }

  private static CliRun runBoom(String... args) {
    java.io.StringWriter out = new java.io.StringWriter();
    java.io.StringWriter err = new java.io.StringWriter();
    Cli cli =
        new Cli(
            new java.io.PrintWriter(out, true),
            new java.io.PrintWriter(err, true),
            java.io.InputStream.nullInputStream(),
            java.util.Map.of(),
            false);
    picocli.CommandLine cl = cli.commandLine();
    cl.addSubcommand("boom", new Boom());
    int code = cl.execute(args);
    return new CliRun(code, out.toString(), err.toString());
  }

  @Test
  void unexpectedFailureShowsNoStackTraceUnlessDebug() {
    CliRun plain = runBoom("boom");
    assertEquals(ExitCode.ERROR, plain.exitCode());
    assertEquals(
        "error: something broke\n(run again with --debug for details)\n", plain.err());

    CliRun debug = runBoom("boom", "--debug");
    assertEquals(ExitCode.ERROR, debug.exitCode());
    assertTrue(debug.err().contains("java.lang.IllegalStateException: something broke"), debug.err());
    assertTrue(debug.err().contains("\tat "), debug.err());
  }
}

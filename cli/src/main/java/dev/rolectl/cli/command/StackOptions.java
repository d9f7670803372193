package dev.rolectl.cli.command;

import dev.rolectl.engine.api.AccountRef;
import dev.rolectl.engine.api.Refused;
import dev.rolectl.engine.api.StackSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** Which stack to read and how to resolve its references: shared by every stack command. */
public final class StackOptions {
  private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
  private static final Pattern PARTITION = Pattern.compile("aws(-[a-z]+)*");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  private Path path;
  private final Map<String, String> vars = new LinkedHashMap<>();
  private final List<Path> varFiles = new ArrayList<>();
  private String accountId;
  private String partition;
  /** The options that resolve the stack, as given (a saved plan takes none of them). */
  private final java.util.Set<String> given = new java.util.LinkedHashSet<>();

  @Parameters(
      index = "0",
      arity = "1",
      paramLabel = "PATH",
      description = "A stack file, or a directory whose *.yaml files form one stack.")
  void setPath(Path value) {
    path = value;
  }

  @Option(
      names = "--var",
      order = 10,
      paramLabel = "NAME=VALUE",
      parameterConsumer = VarConsumer.class,
      description = "Set variable $${var.NAME}; repeatable; wins over --var-file.")
  void setVar(Map<String, String> value) {
    given.add("--var");
    vars.putAll(value);
  }

  /**
   * Reads one {@code NAME=VALUE} (the value may contain {@code =} and be empty), with a message
   * of our own: picocli's says "Value for option option '--var'".
   */
  static final class VarConsumer implements picocli.CommandLine.IParameterConsumer {
    @Override
    public void consumeParameters(java.util.Stack<String> args,
        picocli.CommandLine.Model.ArgSpec argSpec, CommandSpec commandSpec) {
      if (args.isEmpty()) {
        throw new ParameterException(commandSpec.commandLine(),
            "--var needs NAME=VALUE after it, e.g. --var env=prod");
      }
      String arg = args.pop();
      int eq = arg.indexOf('=');
      if (eq <= 0) {
        String name = eq < 0 ? arg : "NAME";
        throw new ParameterException(commandSpec.commandLine(), "--var needs NAME=VALUE, got '"
            + arg + "': write --var " + name + "=VALUE");
      }
      argSpec.setValue(Map.of(arg.substring(0, eq), arg.substring(eq + 1)));
    }
  }

  @Option(
      names = "--var-file",
      order = 11,
      paramLabel = "FILE",
      description = "YAML file of NAME: value variables (a pipe works too: --var-file"
          + " <(vault kv get ...)); repeatable, later files win. With"
          + " several accounts, $${aws.accountId} and $${account.name} in FILE choose a file per"
          + " account (quote it: 'vars/$${aws.accountId}.yaml').")
  void setVarFile(List<Path> value) {
    given.add("--var-file");
    varFiles.addAll(value);
  }

  @Option(
      names = "--account-id",
      order = 12,
      paramLabel = "ID",
      description = "Account id for $${aws.accountId} and ARNs (default offline: 123456789012).")
  void setAccountId(String value) {
    if (!ACCOUNT_ID.matcher(value).matches()) {
      throw new ParameterException(
          spec.commandLine(),
          "--account-id must be 12 digits, got '" + value + "'");
    }
    given.add("--account-id");
    accountId = value;
  }

  @Option(
      names = "--partition",
      order = 13,
      paramLabel = "NAME",
      description = "Partition for $${aws.partition} and ARNs: aws, aws-cn, aws-us-gov... (default"
          + " offline: aws). A target has its own: plan and apply refuse another; with several"
          + " accounts it is the partition of the --assume-role ARN.")
  void setPartition(String value) {
    if (!PARTITION.matcher(value).matches()) {
      throw new ParameterException(
          spec.commandLine(), "--partition must look like aws, aws-cn or aws-us-gov, got '" + value + "'");
    }
    given.add("--partition");
    partition = value;
  }

  private Path existing(Path p, String what) {
    if (!Files.exists(p)) {
      throw new ParameterException(spec.commandLine(), what + ": no such file or directory: " + p);
    }
    return p;
  }

  /**
   * The stack path. Checked here rather than while parsing, so that a mistyped option is reported
   * as such instead of as a missing file.
   */
  public Path path() {
    return existing(path, "PATH");
  }

  /** The account id given with {@code --account-id}, if any. */
  public Optional<String> accountId() {
    return Optional.ofNullable(accountId);
  }

  /** The stack and its variables, for the engine (the path and var files checked to exist). */
  public StackSource source() {
    return new StackSource(
        path(), vars, checkedVarFiles(), accountId(), Optional.ofNullable(partition));
  }

  /**
   * As {@link #source()} for one account: a {@code --var-file} named per account is refused,
   * since there is no account list to choose from.
   */
  public StackSource oneAccount() {
    varFiles.stream().filter(StackOptions::perAccount).findFirst().ifPresent(f -> {
      throw new ParameterException(spec.commandLine(), "--var-file " + f + " names a file per"
          + " account (${aws.accountId} or ${account.name}): give the accounts with --accounts,"
          + " --accounts-file or --organization, or name one file");
    });
    return source();
  }

  private List<Path> checkedVarFiles() {
    varFiles.stream().filter(f -> !perAccount(f)).forEach(f -> existing(f, "--var-file"));
    return varFiles;
  }

  private static boolean perAccount(Path file) {
    return file.toString().contains(ACCOUNT_ID_VAR) || file.toString().contains(ACCOUNT_NAME_VAR);
  }

  static final String ACCOUNT_ID_VAR = "${aws.accountId}";
  static final String ACCOUNT_NAME_VAR = "${account.name}";

  /**
   * The stack for one of several accounts: variable files named with {@code ${aws.accountId}}
   * or {@code ${account.name}} are that account's.
   *
   * @throws Refused when the account's file does not exist (that account fails alone)
   */
  public StackSource sourceFor(AccountRef account) {
    List<Path> files = new ArrayList<>();
    for (Path f : checkedVarFiles()) {
      if (!perAccount(f)) {
        files.add(f);
        continue;
      }
      if (f.toString().contains(ACCOUNT_NAME_VAR) && account.name().isEmpty()) {
        throw new Refused("--var-file " + f + ": account " + account.id() + " has no name (give"
            + " names in the accounts file, or use --organization)");
      }
      Path mine = Path.of(f.toString().replace(ACCOUNT_ID_VAR, account.id())
          .replace(ACCOUNT_NAME_VAR, account.name()));
      if (!Files.isRegularFile(mine)) {
        throw new Refused("--var-file " + f + ": no file " + mine + " for account "
            + account.id() + "; add it, or drop the account");
      }
      files.add(mine);
    }
    return new StackSource(path(), vars, files, Optional.empty(), Optional.ofNullable(partition));
  }

  /** The partition of {@code --partition} (default {@code aws}). */
  public String partition() {
    return partition != null ? partition : StackSource.DEFAULT_PARTITION;
  }

  /**
   * Refuses the options that resolve a stack when {@code PATH} is a saved plan, which was
   * resolved when it was made: they would be ignored.
   *
   * @param partitionUsed {@code --partition} still means something (a multi-account plan that
   *     names no role to assume takes the role's partition from it)
   */
  public void refuseForSavedPlan(boolean partitionUsed) {
    List<String> ignored = given.stream()
        .filter(o -> !(partitionUsed && o.equals("--partition"))).toList();
    if (!ignored.isEmpty()) {
      String them = ignored.size() == 1 ? "it" : "them";
      throw new ParameterException(spec.commandLine(), String.join(", ", ignored) + ": "
          + (ignored.size() == 1 ? "this option resolves" : "these options resolve")
          + " a stack, but " + path + " is a saved plan, resolved when it was made (account,"
          + " partition, variables): drop " + them + ", or plan again with " + them
          + " and apply that plan");
    }
  }
}

package dev.rolectl.cli.command;

import dev.rolectl.cli.render.Counts;
import dev.rolectl.engine.api.AccountAccess;
import dev.rolectl.engine.api.AccountRef;
import dev.rolectl.engine.api.Accounts;
import dev.rolectl.engine.api.Shard;
import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.TargetOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * Many accounts for {@code plan} and {@code apply}: which ({@code --accounts}, {@code
 * --accounts-file}, {@code --organization [--ou]}), how to reach them ({@code --assume-role},
 * {@code --external-id}, {@code --session-name}), how many at once, and which shard.
 */
public final class AccountsMixin {
  /** Options that mean something only with several accounts (or a multi-account plan). */
  static final List<String> ACCOUNT_ONLY = List.of("--ou", "--shard", "--assume-role",
      "--external-id", "--session-name", "--account-parallelism");

  /** The options that choose the accounts. */
  static final List<String> SELECTORS = List.of("--accounts", "--accounts-file", "--organization");

  @Spec(Spec.Target.MIXEE)
  CommandSpec spec;

  @Option(names = "--accounts", order = 40, split = ",", paramLabel = "ID",
      description = "Plan (or apply) in these accounts, comma-separated, reached through"
          + " --assume-role.")
  List<String> accounts = new ArrayList<>();

  @Option(names = "--accounts-file", order = 41, paramLabel = "FILE",
      description = "Accounts from a file (UTF-8): one a line, ID [NAME], or ids only (as aws"
          + " organizations list-accounts --output text writes them); # starts a comment.")
  Path accountsFile;

  @Option(names = "--organization", order = 42,
      description = "Every active account of your AWS organisation (run from the management"
          + " account or a delegated administrator).")
  boolean organization;

  @Option(names = "--ou", order = 43, paramLabel = "OU_ID",
      description = "With --organization: only the accounts below this organisational unit"
          + " (nested units included); refused without --organization.")
  String ou;

  @Option(names = "--assume-role", order = 44, paramLabel = "NAME",
      description = "The role to assume in each account, by name (e.g."
          + " OrganizationAccountAccessRole, not an ARN): arn:PARTITION:iam::ID:role/NAME. Required"
          + " with several accounts; this option and the four below are refused without"
          + " accounts.")
  String assumeRole;

  @Option(names = "--external-id", order = 45, paramLabel = "ID",
      description = "The external id the role's trust policy asks for.")
  String externalId;

  @Option(names = "--session-name", order = 46, paramLabel = "NAME",
      description = "The role session name CloudTrail shows (default: rolectl).")
  String sessionName = AccountAccess.DEFAULT_SESSION_NAME;

  @Option(names = "--account-parallelism", order = 47, paramLabel = "N",
      description = "Accounts worked on at once, 1 to 256 (default: 8).")
  int parallelism = 8;

  @Option(names = "--shard", order = 48, paramLabel = "I/N",
      description = "Only the I-th of N deterministic shares of the accounts (sorted by id, every"
          + " N-th): run N jobs and join their plans with 'rolectl merge', which wants all N. A"
          + " shard without accounts saves an empty plan.")
  String shard;

  /**
   * Whether several accounts were asked for.
   *
   * @throws UserError for {@code --accounts} or {@code --accounts-file} given an empty value
   *     ({@code --accounts ,}, {@code --accounts-file=}): asked for, but none named
   */
  boolean given() {
    if (accounts.stream().allMatch(String::isBlank) && !matched(List.of("--accounts")).isEmpty()) {
      throw new UserError("--accounts: no account id given: list the ids separated by commas,"
          + " e.g. --accounts 111122223333,444455556666");
    }
    if (accountsFile != null && accountsFile.toString().isBlank()
        || accountsFile == null && !matched(List.of("--accounts-file")).isEmpty()) {
      throw new UserError("--accounts-file: no file given: name a file with one account a line,"
          + " e.g. --accounts-file accounts.txt");
    }
    return !accounts.isEmpty() || accountsFile != null || organization;
  }

  /** Those of {@code names} given on the command line, in that order. */
  List<String> matched(List<String> names) {
    var parsed = spec.commandLine().getParseResult();
    return names.stream().filter(parsed::hasMatchedOption).toList();
  }

  /**
   * Refuses the options of several accounts when no accounts are chosen: ignored, they would let
   * plan and apply run in the credentials' own account (often the management account).
   */
  void refuseWithoutAccounts() {
    if (given()) {
      return;
    }
    if (ou != null) {
      throw new UserError("--ou " + ou + " needs --organization (--organization --ou " + ou
          + " works on the accounts below that unit); without it rolectl would work on the"
          + " credentials' own account only");
    }
    List<String> found = matched(ACCOUNT_ONLY);
    if (!found.isEmpty()) {
      throw new UserError(String.join(", ", found) + (found.size() == 1 ? " is" : " are")
          + " for several accounts: choose them with --accounts, --accounts-file or"
          + " --organization (or drop " + String.join(", ", found) + " to work on the"
          + " credentials' own account)");
    }
  }

  /** The shard, checked; empty without {@code --shard}. */
  Optional<Shard> shard() {
    if (shard == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Shard.parse(shard));
    } catch (IllegalArgumentException e) {
      throw new UserError("--shard: " + e.getMessage());
    }
  }

  /** Checks the combination of options before anything is read. */
  void check(String target, StackOptions stack) {
    int sources = (accounts.isEmpty() ? 0 : 1) + (accountsFile == null ? 0 : 1) + (organization ? 1 : 0);
    if (sources > 1) {
      throw new UserError("give one of --accounts, --accounts-file and --organization");
    }
    if (ou != null && !organization) {
      throw new UserError("--ou needs --organization");
    }
    if (assumeRole == null || assumeRole.isBlank()) {
      throw new UserError("several accounts need --assume-role NAME: the role rolectl assumes in"
          + " each (e.g. OrganizationAccountAccessRole)");
    }
    if (target != null && !target.equals("aws")) {
      throw new UserError("several accounts are reached through AWS: --target must be aws, got "
          + target);
    }
    if (stack != null && stack.accountId().isPresent()) {
      throw new UserError("--account-id names one account; with several accounts each plan uses"
          + " its own id for ${aws.accountId}");
    }
    if (parallelism < 1 || parallelism > 256) {
      throw new UserError("--account-parallelism must be 1 to 256, got " + parallelism);
    }
    shard();
  }

  /** How to reach each account. */
  AccountAccess access(TargetOptions base, String partition) {
    try {
      return new AccountAccess(base, assumeRole, externalId, sessionName, partition);
    } catch (IllegalArgumentException e) {
      throw new UserError("--assume-role " + assumeRole + " / --session-name " + sessionName
          + ": " + e.getMessage());
    }
  }

  /**
   * The accounts to work on.
   *
   * @param mine this shard's (all without --shard)
   * @param listDigest of the whole list the shard was cut from ({@link Accounts#digest})
   */
  record Chosen(List<AccountRef> mine, String listDigest) {}

  /**
   * The accounts asked for, this shard's only; Organizations' calls are added to {@code stats}.
   *
   * @param err where accounts skipped by status are noted
   */
  Chosen resolve(TargetOptions base, PrintWriter err, List<ApiStats> stats) {
    List<AccountRef> all;
    if (organization) {
      Accounts.FromOrganization org = Accounts.fromOrganization(base, Optional.ofNullable(ou));
      org.skipped().forEach(s -> err.println("note: skipping account " + s));
      stats.add(org.stats());
      all = org.active();
    } else if (accountsFile != null) {
      all = Accounts.fromFile(accountsFile);
    } else {
      all = Accounts.of(accounts);
    }
    if (all.isEmpty()) {
      throw new UserError("no accounts to work on" + (ou != null ? " below " + ou : ""));
    }
    List<AccountRef> mine = shard().map(s -> s.select(all)).orElse(all);
    if (mine.isEmpty()) {
      // an empty plan of this shard, so that 'merge' finds every shard of the run
      err.println("note: shard " + shard().get() + " has no account ("
          + Counts.of(all.size(), "account") + " in all, fewer than the shards)");
    }
    return new Chosen(mine, Accounts.digest(all));
  }
}

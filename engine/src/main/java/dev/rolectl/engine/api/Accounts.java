package dev.rolectl.engine.api;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.OrganizationAccounts;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.input.InputFile;
import dev.rolectl.engine.input.InputKind;
import dev.rolectl.engine.input.InputProblem;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which accounts to plan or apply in: listed ({@code --accounts}), from a file ({@code
 * --accounts-file}), or the organisation's ({@code --organization [--ou OU_ID]}). An id given
 * twice is refused: a typo or a merge mistake, and two names for one account cannot both be
 * right.
 */
public final class Accounts {
  /** Accounts files: UTF-8 text of at most 16 MiB (100,000 accounts with names take ~4 MiB). */
  static final InputKind ACCOUNTS_FILE = new InputKind("accounts file", 16 * InputKind.MIB,
      "write one account a line: ID [NAME]");

  private Accounts() {}

  /**
   * The accounts of the organisation.
   *
   * @param active the active accounts, sorted by id
   * @param skipped accounts that are not {@code ACTIVE} (suspended, closing), with their status
   * @param stats the Organizations calls made
   */
  public record FromOrganization(List<AccountRef> active, List<String> skipped, ApiStats stats) {}

  /** Account ids as given ({@code --accounts 111122223333,444455556666}). */
  public static List<AccountRef> of(List<String> ids) {
    Map<String, AccountRef> found = new LinkedHashMap<>();
    for (String id : ids) {
      String s = id.strip();
      if (s.isEmpty()) {
        continue; // 111122223333,,444455556666 or a trailing comma
      }
      if (!AccountRef.isId(s)) {
        throw new Refused("--accounts: '" + s + "' is not an account id (12 digits)");
      }
      if (found.putIfAbsent(s, new AccountRef(s, "")) != null) {
        throw new Refused("--accounts: " + s + " is given twice; give each account once");
      }
    }
    if (found.isEmpty()) {
      throw new Refused("--accounts: no account id given: list the ids separated by commas, e.g."
          + " --accounts 111122223333,444455556666");
    }
    return List.copyOf(found.values());
  }

  /**
   * An accounts file: one account a line, its id and optionally its name after a space, comma or
   * tab, or a line of ids only (see {@link #line}); {@code #} starts a comment; blank lines are
   * ignored. The file is UTF-8 (a byte order mark is skipped).
   *
   * @throws Refused naming the file and line of a bad entry
   */
  public static List<AccountRef> fromFile(Path file) {
    List<String> lines;
    try {
      lines = InputFile.read(file, ACCOUNTS_FILE).lines().toList();
    } catch (NoSuchFileException e) {
      throw new Refused(file + ": no such accounts file");
    } catch (InputProblem e) {
      throw new Refused(e.at(file.toString()));
    }
    Map<String, AccountRef> found = new LinkedHashMap<>();
    Map<String, Integer> lineOf = new LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      // a UTF-8 byte order mark (Windows editors write one) is not part of the first id
      String line = i == 0 && lines.get(0).startsWith("\uFEFF") ? lines.get(0).substring(1)
          : lines.get(i);
      int hash = line.indexOf('#');
      String entry = (hash >= 0 ? line.substring(0, hash) : line).strip();
      if (entry.isEmpty()) {
        continue;
      }
      for (AccountRef account : line(file, i + 1, entry)) {
        AccountRef before = found.putIfAbsent(account.id(), account);
        if (before != null) {
          throw new Refused(file + ":" + (i + 1) + ":1: account " + account.id() + " is already"
              + (lineOf.get(account.id()) == i + 1 ? " on this line"
                  : " on line " + lineOf.get(account.id()))
              + (before.name().equals(account.name()) ? ""
                  : " under another name ('" + before.name() + "', here '" + account.name() + "')")
              + "; list each account once");
        }
        lineOf.put(account.id(), i + 1);
      }
    }
    if (found.isEmpty()) {
      throw new Refused(file + ": no accounts in the file; write one account a line: ID [NAME]");
    }
    return List.copyOf(found.values());
  }

  /**
   * One line of an accounts file: {@code ID [NAME]}, or only ids (every word 12 digits, as {@code
   * aws organizations list-accounts --query 'Accounts[].Id' --output text} writes them, tab
   * separated) for several accounts without names. A line with several ids and other words is
   * refused: whether the ids are accounts or part of a name cannot be told.
   */
  private static List<AccountRef> line(Path file, int number, String entry) {
    String[] words = entry.split("[\\s,]+");
    if (!AccountRef.isId(words[0])) {
      throw new Refused(file + ":" + number + ":1: '" + words[0] + "' is not an account id (12"
          + " digits); write one account a line: ID [NAME]");
    }
    long ids = java.util.Arrays.stream(words).filter(AccountRef::isId).count();
    if (ids == words.length) {
      return java.util.Arrays.stream(words).map(id -> new AccountRef(id, "")).toList();
    }
    if (ids > 1) {
      throw new Refused(file + ":" + number + ":1: several account ids and other words on one"
          + " line: write one account a line, ID [NAME] (a name may not contain a 12-digit"
          + " word), or only ids separated by spaces, tabs or commas");
    }
    String[] parts = entry.split("[\\s,]+", 2);
    return List.of(new AccountRef(parts[0], parts.length > 1 ? parts[1].strip() : ""));
  }

  /**
   * SHA-256 of an account list, whatever its order ({@link
   * dev.rolectl.engine.plan.MultiPlan#accountsDigest}): each shard's plan records that of the
   * list it was cut from, and {@code merge} refuses shards of different lists.
   */
  public static String digest(List<AccountRef> accounts) {
    return dev.rolectl.engine.plan.MultiPlan.accountsDigest(
        accounts.stream().map(AccountRef::id).toList());
  }

  /** The organisation's accounts, or those below {@code ou}, read with {@code options}. */
  public static FromOrganization fromOrganization(TargetOptions options, Optional<String> ou) {
    try (OrganizationAccounts org = Targets.organization(options)) {
      List<AccountRef> active = new ArrayList<>();
      List<String> skipped = new ArrayList<>();
      for (OrganizationAccounts.Account a : org.accounts(ou)) {
        if (a.status().equals("ACTIVE")) {
          active.add(new AccountRef(a.id(), a.name()));
        } else {
          skipped.add(a.id() + " (" + a.name() + "): " + a.status());
        }
      }
      return new FromOrganization(active, skipped, org.stats());
    }
  }
}

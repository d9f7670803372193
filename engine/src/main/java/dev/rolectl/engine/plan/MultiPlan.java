package dev.rolectl.engine.plan;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A stack planned in many accounts: one {@link AccountPlan} each, sorted by account id (so that
 * shards merged give the same report as one run). Saved as a versioned file ({@link
 * MultiPlanFile}) that {@code apply} and {@code merge} read.
 *
 * @param stack the stack name (the same in every account)
 * @param stackDigest SHA-256 of what the stack was planned from (its files, variables and
 *     options; {@code dev.rolectl.engine.config.StackDigest}), the same in every shard of one run;
 *     {@code null} when unknown (a report of apply, or a file of an older rolectl)
 * @param createdAt when planning started (the earliest shard's, once merged)
 * @param shards the shards it covers, e.g. {@code ["1/2"]}; empty for a run of every account
 * @param accountsDigest SHA-256 of the whole account list the plan (or its shard) was cut from
 *     ({@link #accountsDigest(Collection)}), so that {@code merge} refuses shards of different
 *     lists; {@code null} when unknown (a report of apply, a file of an older rolectl)
 */
public record MultiPlan(int formatVersion, String stack, String stackDigest, Instant createdAt,
    List<String> shards, List<AccountPlan> accounts, String accountsDigest) {
  /** Version of the multi-account plan file. */
  public static final int FORMAT_VERSION = 1;

  public MultiPlan {
    Objects.requireNonNull(stack, "stack");
    Objects.requireNonNull(createdAt, "createdAt");
    shards = List.copyOf(shards);
    List<AccountPlan> sorted = new ArrayList<>(accounts);
    sorted.sort(Comparator.comparing(AccountPlan::accountId));
    accounts = List.copyOf(sorted);
  }

  /** A plan that does not record its account list ({@code accountsDigest} null). */
  public MultiPlan(int formatVersion, String stack, String stackDigest, Instant createdAt,
      List<String> shards, List<AccountPlan> accounts) {
    this(formatVersion, stack, stackDigest, createdAt, shards, accounts, null);
  }

  /**
   * SHA-256 (64 hex digits) of a list of account ids: of the ids sorted, one a line, so that the
   * order they came in does not count.
   */
  public static String accountsDigest(Collection<String> ids) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      new TreeSet<>(ids).forEach(id -> sha.update((id + "\n").getBytes(StandardCharsets.UTF_8)));
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this Java", e);
    }
  }

  /**
   * Whether any account's plan is incomplete: the account failed (could not be reached or
   * planned, or its plan has errors). A plan saved with such accounts may be applied only in the
   * others.
   */
  public boolean errored() {
    return accounts.stream().anyMatch(AccountPlan::errored);
  }

  /** The worst status of its accounts ({@link AccountPlan.Status#NO_CHANGES} when none). */
  public AccountPlan.Status worst() {
    return accounts.stream().map(AccountPlan::status)
        .max(Comparator.naturalOrder()).orElse(AccountPlan.Status.NO_CHANGES);
  }

  /** How many accounts have {@code status}. */
  public long count(AccountPlan.Status status) {
    return accounts.stream().filter(a -> a.status() == status).count();
  }

  /**
   * Joins the plans of shards into one (see {@link MultiPlanMerge}).
   *
   * @throws PlanFormatException naming the plan, shard or account that does not fit
   */
  public static MultiPlan merge(List<MultiPlan> parts) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      names.add("plan " + (i + 1));
    }
    return MultiPlanMerge.merge(names, parts);
  }

  /** As {@link #merge(List)}, naming each part (its file) in errors. */
  public static MultiPlan merge(List<String> names, List<MultiPlan> parts) {
    return MultiPlanMerge.merge(names, parts);
  }
}

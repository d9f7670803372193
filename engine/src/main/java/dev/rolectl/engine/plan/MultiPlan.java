package dev.rolectl.engine.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A stack planned in many accounts: one {@link AccountPlan} each, sorted by account id (so that
 * shards merged give the same report as one run). Saved as a versioned file ({@link
 * MultiPlanFile}) that {@code apply} and {@code merge} read.
 *
 * @param stack the stack name (the same in every account)
 * @param createdAt when planning started (the earliest shard's, once merged)
 * @param shards the shards it covers, e.g. {@code ["1/2"]}; empty for a run of every account
 */
public record MultiPlan(
    int formatVersion, String stack, Instant createdAt, List<String> shards, List<AccountPlan> accounts) {
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
   * Joins the plans of shards into one. They must be of the same stack and cover no account
   * twice.
   *
   * @throws PlanFormatException naming the stack or account that does not fit
   */
  public static MultiPlan merge(List<MultiPlan> parts) {
    if (parts.isEmpty()) {
      throw new PlanFormatException("nothing to merge: give at least one plan file");
    }
    String stack = parts.get(0).stack();
    Set<String> seen = new HashSet<>();
    List<AccountPlan> all = new ArrayList<>();
    List<String> shards = new ArrayList<>();
    Instant created = parts.get(0).createdAt();
    for (MultiPlan p : parts) {
      if (!p.stack().equals(stack)) {
        throw new PlanFormatException("the plans are of different stacks ('" + stack + "' and '"
            + p.stack() + "'): merge the shards of one run");
      }
      for (AccountPlan a : p.accounts()) {
        if (!seen.add(a.accountId())) {
          throw new PlanFormatException("account " + a.accountId() + " is in more than one plan"
              + " (shards of one run never overlap: give each shard's plan once)");
        }
        all.add(a);
      }
      shards.addAll(p.shards());
      created = p.createdAt().isBefore(created) ? p.createdAt() : created;
    }
    return new MultiPlan(FORMAT_VERSION, stack, created, shards.stream().sorted().toList(), all);
  }
}

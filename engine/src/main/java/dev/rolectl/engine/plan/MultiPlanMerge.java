package dev.rolectl.engine.plan;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Joins the plans of the shards of one run ({@code rolectl merge}). They must be of the same stack
 * name and the same stack digest (the same files, variables and options), cover no account twice,
 * and, when made with {@code --shard I/N}, be every one of the N shards of one N cut from one
 * account list (its digest is recorded in each shard): a merged plan
 * that silently lacks a shard, mixes two shardings or two revisions of the stack would be
 * reported, and could be applied, as one complete run.
 */
final class MultiPlanMerge {
  private MultiPlanMerge() {}

  /**
   * @param names how to name each part in an error (its file)
   * @throws PlanFormatException naming the part, shard or account that does not fit
   */
  static MultiPlan merge(List<String> names, List<MultiPlan> parts) {
    if (parts.isEmpty()) {
      throw new PlanFormatException("nothing to merge: give at least one plan file");
    }
    // an empty shard's stack name may be only its file's (per-account variables could not be
    // resolved without an account): its digest is checked, its name is not
    int named = 0;
    while (named < parts.size() - 1 && parts.get(named).accounts().isEmpty()) {
      named++;
    }
    MultiPlan first = parts.get(named);
    Map<String, String> accountIn = new HashMap<>();
    List<AccountPlan> all = new ArrayList<>();
    Instant created = first.createdAt();
    for (int i = 0; i < parts.size(); i++) {
      MultiPlan p = parts.get(i);
      String name = names.get(i);
      if (!p.stack().equals(first.stack()) && !p.accounts().isEmpty()) {
        throw new PlanFormatException(name + " is a plan of stack '" + p.stack() + "', "
            + names.get(named) + " of '" + first.stack() + "': merge the shards of one run");
      }
      if (p.stackDigest() == null || first.stackDigest() == null) {
        throw new PlanFormatException((p.stackDigest() == null ? name : names.get(named))
            + " does not record what its stack was planned from"
            + " (a plan of an older rolectl): plan every shard again with this rolectl");
      }
      if (!p.stackDigest().equals(first.stackDigest())) {
        throw new PlanFormatException(name + " was planned from other stack files, variables or"
            + " options than " + names.get(named) + " (stack digest " + p.stackDigest().substring(0, 12)
            + "... against " + first.stackDigest().substring(0, 12) + "...): plan every shard"
            + " from the same revision with the same options, then merge");
      }
      for (AccountPlan a : p.accounts()) {
        String before = accountIn.putIfAbsent(a.accountId(), name);
        if (before != null) {
          throw new PlanFormatException(before.equals(name)
              ? name + " is given twice: give each shard's plan once"
              : "account " + a.accountId() + " is in " + before + " and in " + name + " (shards"
                  + " of one run never overlap: give each shard's plan once)");
        }
        all.add(a);
      }
      created = p.createdAt().isBefore(created) ? p.createdAt() : created;
    }
    List<String> shards = shards(names, parts);
    String listed = shards.isEmpty() ? common(parts) : accountList(names, parts, all);
    return new MultiPlan(MultiPlan.FORMAT_VERSION, first.stack(), first.stackDigest(), created,
        shards, all, listed);
  }

  /** The digest every part records, else null. */
  private static String common(List<MultiPlan> parts) {
    String d = parts.get(0).accountsDigest();
    return parts.stream().allMatch(p -> java.util.Objects.equals(p.accountsDigest(), d)) ? d : null;
  }

  /**
   * The digest of the account list every shard was cut from, once checked to be the same in each
   * and to be that of the merged accounts: shards of two lists (an organisation that changed
   * between the jobs, two accounts files) would leave accounts in no shard, silently.
   */
  private static String accountList(List<String> names, List<MultiPlan> parts,
      List<AccountPlan> all) {
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).accountsDigest() == null) {
        throw new PlanFormatException(names.get(i) + " does not record the account list its"
            + " shard was cut from (a plan of an older rolectl, or edited): plan every shard"
            + " again with this rolectl");
      }
    }
    String first = parts.get(0).accountsDigest();
    for (int i = 1; i < parts.size(); i++) {
      if (!parts.get(i).accountsDigest().equals(first)) {
        throw new PlanFormatException(names.get(i) + " was cut from another account list than "
            + names.get(0) + " (accounts digest " + parts.get(i).accountsDigest().substring(0, 12)
            + "... against " + first.substring(0, 12) + "...): the accounts file or the"
            + " organisation differed between the shard jobs, and some accounts would be in no"
            + " shard; plan every shard from the same account list, then merge");
      }
    }
    String merged = MultiPlan.accountsDigest(all.stream().map(AccountPlan::accountId).toList());
    if (!merged.equals(first)) {
      throw new PlanFormatException("the shards hold " + all.size() + " accounts, which are not"
          + " the account list they record they were cut from: a plan file was edited or cut;"
          + " plan every shard again");
    }
    return first;
  }

  /** The shards, sorted, once checked to be all N shards of one N (or none at all). */
  private static List<String> shards(List<String> names, List<MultiPlan> parts) {
    Map<Integer, String> byIndex = new HashMap<>();
    Integer count = null;
    String countFrom = null;
    int unsharded = -1;
    for (int i = 0; i < parts.size(); i++) {
      if (parts.get(i).shards().isEmpty()) {
        unsharded = i;
        continue;
      }
      for (String s : parts.get(i).shards()) {
        int[] in = parse(names.get(i), s);
        if (count == null) {
          count = in[1];
          countFrom = names.get(i);
        } else if (in[1] != count) {
          throw new PlanFormatException(names.get(i) + " is shard " + s + ", " + countFrom
              + " a shard of " + count + ": merge the shards of one run, all made with the same"
              + " --shard I/" + count);
        }
        String before = byIndex.putIfAbsent(in[0], names.get(i));
        if (before != null) {
          throw new PlanFormatException("shard " + s + " is given twice (" + before + " and "
              + names.get(i) + ")");
        }
      }
    }
    if (count == null) {
      return List.of();
    }
    if (unsharded >= 0) {
      throw new PlanFormatException(names.get(unsharded) + " was planned without --shard and"
          + " cannot be merged with shards: merge the N shards of one run");
    }
    TreeSet<Integer> missing = new TreeSet<>();
    for (int i = 1; i <= count; i++) {
      if (!byIndex.containsKey(i)) {
        missing.add(i);
      }
    }
    if (!missing.isEmpty()) {
      final int n = count;
      throw new PlanFormatException((missing.size() == 1 ? "shard " : "shards ")
          + String.join(", ", missing.stream().map(i -> i + "/" + n).toList())
          + (missing.size() == 1 ? " is" : " are") + " missing: the merged plan would leave out"
          + " its accounts; give the plan file of every one of the " + count + " shards (a shard"
          + " without accounts saves an empty plan file)");
    }
    List<String> sorted = new ArrayList<>();
    final int n = count;
    byIndex.keySet().stream().sorted().forEach(i -> sorted.add(i + "/" + n));
    return sorted;
  }

  private static int[] parse(String name, String shard) {
    String[] parts = shard.split("/");
    try {
      if (parts.length == 2) {
        int index = Integer.parseInt(parts[0]);
        int count = Integer.parseInt(parts[1]);
        if (index >= 1 && index <= count) {
          return new int[] {index, count};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new PlanFormatException(name + ": shard '" + shard + "' is not I/N with 1 <= I <= N");
  }
}

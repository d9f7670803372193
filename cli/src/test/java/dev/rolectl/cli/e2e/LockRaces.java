package dev.rolectl.cli.e2e;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.LockRaceProxy.Call;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * One randomized takeover race of the apply lock, as {@link LockRaceE2E} and {@link
 * LockRaceBenchmark} run it: a crashed apply left its lock (lease over); three applies of the same
 * stack (each a variant of it, so each has changes to make) start within 200 ms of each other,
 * each lock call of each caller delayed by 0 to 300 ms (seeded), and one interleaving forced: a
 * loser's DeletePolicy of the crashed lock is held until a winner has made its own lock, and the
 * others' deletes wait until the loser has read the crashed lock's lease (all found it over).
 */
final class LockRaces {
  private static final List<String> LOCK_CALLS =
      List.of("CreatePolicy", "DeletePolicy", "ListPolicyTags", "ListPolicies", "TagPolicy");

  /**
   * What one race gave.
   *
   * @param exits the applies' exit codes
   * @param overlaps {@link LockRaceProxy#overlaps()}: empty when no two applies changed at once
   * @param forced whether the held delete of the loser was answered after the winner's lock was
   *     made, and got NoSuchEntity (the interleaving that broke the one-ARN lock)
   * @param withChanges how many applies made changes
   * @param locksLeft lock policies in the account after the race
   */
  record Outcome(List<Integer> exits, String overlaps, boolean forced, int withChanges,
      int locksLeft, List<TestCli.Run> runs, List<Call> calls) {
    boolean ok() {
      return exits.stream().allMatch(e -> e == 0) && overlaps.isEmpty() && locksLeft == 0;
    }
  }

  private LockRaces() {}

  static Outcome race(Moto moto, Path dir, long seed) throws Exception {
    Random random = new Random(seed);
    List<String> callers = List.of("A", "B", "C");
    try (LockRaceProxy proxy = new LockRaceProxy(moto); IamClient iam = moto.iam()) {
      LockRaceE2E.plantExpiredLock(iam, LockRaceE2E.STACK);
      for (String c : callers) {
        for (String action : LOCK_CALLS) {
          proxy.delay(c, action, random.nextInt(301));
        }
      }
      String loser = callers.get(random.nextInt(3));
      String winner = callers.get((callers.indexOf(loser) + 1 + random.nextInt(2)) % 3);
      var held = proxy.hold(loser, "DeletePolicy",
          c -> LockRaceE2E.answered(c, winner, "CreatePolicy", 200));
      String third = callers.stream().filter(c -> !c.equals(loser) && !c.equals(winner))
          .findFirst().orElseThrow();
      // nobody removes the crashed lock before the loser has read it: the loser takes part
      proxy.hold(winner, "DeletePolicy", c -> c.is(loser, "ListPolicyTags"));
      proxy.hold(third, "DeletePolicy", c -> c.is(loser, "ListPolicyTags"));
      List<CompletableFuture<TestCli.Run>> runs = new ArrayList<>();
      int variant = 1;
      for (String c : callers) {
        Path stack = StackFiles.roles(dir, LockRaceE2E.STACK, "race", 3, variant++);
        Thread.sleep(random.nextInt(201));
        runs.add(LockRaceE2E.apply(proxy, c, stack, Map.of()));
      }
      List<Integer> exits = new ArrayList<>();
      List<TestCli.Run> done = new ArrayList<>();
      for (CompletableFuture<TestCli.Run> r : runs) {
        done.add(r.get());
        exits.add(done.get(done.size() - 1).exit());
      }
      List<Call> calls = proxy.calls();
      boolean forced = held.forced()
          && calls.stream().anyMatch(c -> LockRaceE2E.answered(c, loser, "DeletePolicy", 404));
      return new Outcome(exits, proxy.overlaps(), forced, proxy.spans().size(),
          LockRaceE2E.locks(iam).size(), done, calls);
    }
  }
}

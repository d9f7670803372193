package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.LockRaceProxy.Call;
import dev.rolectl.engine.live.IamWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Policy;

/**
 * Issue 16, point 6: the apply lock's takeover races, forced. Applies of one stack run in
 * process, each with its own access key id, through {@link LockRaceProxy} (which adds IAM's
 * account-wide policy name rule moto lacks, holds a caller's call until another call was answered,
 * and records every IAM call with its caller and times). Each test forces an interleaving that
 * broke the old lock (one policy ARN for every holder: a loser's delayed DeletePolicy removed the
 * winner's lock, a late renewal tagged the next holder's lock, a release deleted it) and asserts
 * that no two applies made changes at overlapping times. {@link LockRaceBenchmark} runs the
 * randomized race 50 times.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class LockRaceE2E {
  static final String STACK = "race";

  /** Runs apply as {@code caller}; {@code extra} env (e.g. the lock's lease) on top. */
  static CompletableFuture<TestCli.Run> apply(LockRaceProxy proxy, String caller, Path stack,
      Map<String, String> extra, String... more) {
    Map<String, String> env = new java.util.HashMap<>(proxy.env(caller));
    env.putAll(extra);
    List<String> args = new ArrayList<>(List.of("apply", stack.toString(), "--auto-approve",
        "--target", "aws", "--lock-timeout", "120s"));
    args.addAll(List.of(more));
    return CompletableFuture.supplyAsync(() -> TestCli.run(env, args.toArray(String[]::new)));
  }

  /** A lock left by an apply that crashed: the old layout (path /rolectl-lock/), lease over. */
  static void plantExpiredLock(IamClient iam, String stack) {
    Instant expired = Instant.now().minus(Duration.ofMinutes(1));
    iam.createPolicy(r -> r.policyName("rolectl-lock." + stack).path(IamWriter.LOCK_PATH)
        .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}")
        .tags(t -> t.key("rolectl:lock-holder").value("arn:aws:iam::" + Moto.ACCOUNT_ID
                + ":user/crashed"),
            t -> t.key("rolectl:lock-host").value("build-9"),
            t -> t.key("rolectl:lock-pid").value("4242"),
            t -> t.key("rolectl:lock-started").value(expired.minus(Duration.ofMinutes(10)).toString()),
            t -> t.key("rolectl:lock-expires").value(expired.toString())));
  }

  static List<Policy> locks(IamClient iam) {
    return iam.listPolicies(r -> r.pathPrefix(IamWriter.LOCK_PATH)).policies();
  }

  static boolean answered(Call c, String caller, String action, int status) {
    return c.is(caller, action) && c.status() == status;
  }

  /**
   * A and B both find a crashed apply's lock and take it over; B's DeletePolicy of it is held
   * until A has made its own lock. The old lock had one ARN for every holder, so B's delete
   * removed A's lock and B ran alongside A. Now B's delete reaches only the crashed lock's ARN
   * (NoSuchEntity), B's CreatePolicy meets A's lock, and B waits for A.
   */
  @Test
  void aLosersDelayedDeleteCannotRemoveTheWinnersLock(Moto moto, @TempDir Path dir)
      throws Exception {
    Path v1 = StackFiles.roles(dir, STACK, "race", 3, 1);
    Path v2 = StackFiles.roles(dir, STACK, "race", 3, 2);
    try (LockRaceProxy proxy = new LockRaceProxy(moto); IamClient iam = moto.iam()) {
      plantExpiredLock(iam, STACK);
      var aWaits = proxy.hold("A", "DeletePolicy", c -> c.is("B", "ListPolicyTags"));
      var bWaits = proxy.hold("B", "DeletePolicy", c -> answered(c, "A", "CreatePolicy", 200));
      var a = apply(proxy, "A", v1, Map.of());
      var b = apply(proxy, "B", v2, Map.of());
      TestCli.Run ra = a.get();
      TestCli.Run rb = b.get();
      assertEquals(0, ra.exit(), ra::toString);
      assertEquals(0, rb.exit(), rb::toString);
      assertTrue(aWaits.forced() && bWaits.forced(), aWaits + "; " + bWaits);
      List<Call> calls = proxy.calls();
      assertTrue(calls.stream().anyMatch(c -> answered(c, "B", "DeletePolicy", 404)),
          "B's delayed delete reached only the crashed lock: " + calls);
      assertEquals("", proxy.overlaps(), calls::toString);
      assertEquals(2, proxy.spans().size(), "both applies made changes: " + calls);
      assertEquals(List.of(), locks(iam), "no lock is left");
      assertEquals(0, Side.moto(moto).rolectl("plan", v2.toString(), "--detailed-exitcode").exit());
    }
  }

  /**
   * A holder whose renewals do not get through (a process frozen, a network cut: the proxy holds
   * its TagPolicy calls, and its release) stops starting changes at its deadline, before its lease
   * ends; B takes the lock over once the lease ended. A's late renewal and release then reach
   * only A's own ARN (NoSuchEntity): with one ARN for every holder they tagged and deleted B's.
   */
  @Test
  void aHolderWhoseRenewalsAreLateStopsBeforeAnotherTakesOver(Moto moto, @TempDir Path dir)
      throws Exception {
    // a lease short enough for a test, long enough for renewals on a loaded machine (every 2 s,
    // the deadline 8.4 s after the last); A's changes (60 calls, each held 250 ms) outlast it
    Path v1 = StackFiles.roles(dir, STACK, "race", 15, 1);
    Path v2 = StackFiles.roles(dir, STACK, "race", 15, 2);
    Map<String, String> lease = Map.of("ROLECTL_LOCK_LEASE", "12s");
    try (LockRaceProxy proxy = new LockRaceProxy(moto); IamClient iam = moto.iam()) {
      proxy.delay("A", "CreateRole", 250);
      proxy.delay("A", "PutRolePolicy", 250);
      proxy.delay("A", "AttachRolePolicy", 250);
      // renewals (and the check before the first change) get through until A made a change
      var renewals = proxy.holdEvery("A", "TagPolicy", c -> c.caller().equals("A") && c.change(),
          c -> answered(c, "B", "CreatePolicy", 200));
      var release = proxy.hold("A", "DeletePolicy", c -> answered(c, "B", "CreatePolicy", 200));
      var a = apply(proxy, "A", v1, lease, "--parallelism", "1");
      assertTrue(proxy.await(c -> answered(c, "A", "CreatePolicy", 200), Duration.ofSeconds(60)));
      var b = apply(proxy, "B", v2, lease);
      TestCli.Run ra = a.get();
      TestCli.Run rb = b.get();
      assertEquals(1, ra.exit(), ra::toString);
      assertTrue(ra.out().contains("Stopping: this apply lost the apply lock of stack " + STACK)
          && ra.out().contains("its lease could not be renewed in time"), ra::toString);
      assertTrue(ra.out().contains("not started"), ra::toString);
      assertEquals(0, rb.exit(), rb::toString);
      assertTrue(rb.out().contains("taking over the lock of"), rb::toString);
      assertTrue(renewals.forced() && release.forced(), renewals + "; " + release);
      List<Call> calls = proxy.calls();
      assertTrue(calls.stream().anyMatch(c -> answered(c, "A", "TagPolicy", 404)),
          "A's late renewal reached only its own lock: " + calls);
      assertTrue(calls.stream().anyMatch(c -> answered(c, "A", "DeletePolicy", 404)),
          "A's late release reached only its own lock: " + calls);
      assertEquals("", proxy.overlaps(), calls::toString);
      assertEquals(2, proxy.spans().size(), calls::toString);
      assertEquals(List.of(), locks(iam));
      assertEquals(0, Side.moto(moto).rolectl("plan", v2.toString(), "--detailed-exitcode").exit());
    }
  }

  /** One race of {@link LockRaceBenchmark}'s 50 (three applies, random delays, one forced). */
  @Test
  void aRandomizedRaceOfThreeAppliesOverACrashedLock(Moto moto, @TempDir Path dir)
      throws Exception {
    LockRaces.Outcome o = LockRaces.race(moto, dir, 7);
    String all = o.runs() + "\n" + o.calls();
    assertEquals(List.of(0, 0, 0), o.exits(), all);
    assertEquals("", o.overlaps(), all);
    assertTrue(o.forced(), all);
    assertEquals(3, o.withChanges(), all);
    assertEquals(0, o.locksLeft(), all);
  }

  /**
   * A's lock is deleted while A plans (by hand, as the message for a stuck lock says to), and B
   * takes the lock. A checks its lock again right before its first change: it is gone, so A
   * changes nothing.
   */
  @Test
  void anApplyChecksItsLockAgainBeforeItsFirstChange(Moto moto, @TempDir Path dir)
      throws Exception {
    Path v1 = StackFiles.roles(dir, STACK, "race", 3, 1);
    Path v2 = StackFiles.roles(dir, STACK, "race", 3, 2);
    try (LockRaceProxy proxy = new LockRaceProxy(moto); IamClient iam = moto.iam()) {
      var planning = proxy.hold("A", "GetAccountAuthorizationDetails",
          c -> answered(c, "B", "CreatePolicy", 200));
      var a = apply(proxy, "A", v1, Map.of());
      assertTrue(proxy.await(c -> answered(c, "A", "CreatePolicy", 200), Duration.ofSeconds(60)));
      List<Policy> held = locks(iam);
      assertEquals(1, held.size(), held::toString);
      iam.deletePolicy(r -> r.policyArn(held.get(0).arn()));
      TestCli.Run rb = apply(proxy, "B", v2, Map.of()).get();
      TestCli.Run ra = a.get();
      assertEquals(0, rb.exit(), rb::toString);
      assertEquals(1, ra.exit(), ra::toString);
      assertTrue(ra.err().contains("this apply no longer holds the apply lock of stack " + STACK)
          && ra.err().contains("Nothing was changed"), ra::toString);
      assertTrue(planning.forced(), planning::toString);
      List<Call> calls = proxy.calls();
      assertTrue(calls.stream().anyMatch(c -> answered(c, "A", "TagPolicy", 404)), calls::toString);
      assertFalse(proxy.spans().containsKey("A"), "A made no change: " + calls);
      assertEquals(List.of(), locks(iam));
    }
  }
}

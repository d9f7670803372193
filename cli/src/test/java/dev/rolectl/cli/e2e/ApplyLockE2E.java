package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.local.LocalAccountStore;
import dev.rolectl.engine.live.local.LocalIamWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Issue 9, case 8: applies of the same stack to the same account exclude each other. Two applies
 * started together: exactly one makes each change, the other waits ({@code --lock-timeout}) and
 * then finds nothing to do; after both, a plan is empty. On moto the lock is a policy in the
 * account: a holder is named, a lock whose lease ended is taken over, the lock never shows as a
 * stack resource, and {@code --stats} counts its calls. On {@code local:} it is {@code FILE.lock}.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ApplyLockE2E {
  private static final Pattern CREATED = Pattern.compile("\"done\":\\{[^}]*\"create\":(\\d+)");

  /**
   * The moto side seen through {@link LockRaceProxy} as {@code caller}: the lock relies on IAM's
   * rule that policy names are unique in the account whatever their path, which moto lacks.
   */
  static Side through(LockRaceProxy proxy, Side side, String caller) {
    return new Side() {
      @Override
      public String name() {
        return side.name();
      }

      @Override
      public String target() {
        return side.target();
      }

      @Override
      public java.util.Map<String, String> env() {
        return proxy.env(caller);
      }

      @Override
      public void ensurePrincipals(
          java.util.Map<dev.rolectl.engine.model.PrincipalType, java.util.Set<String>> p) {
        side.ensurePrincipals(p);
      }

      @Override
      public void createRole(String name, java.util.Map<String, String> tags) {
        side.createRole(name, tags);
      }

      @Override
      public dev.rolectl.engine.live.TargetOptions targetOptions() {
        return side.targetOptions();
      }
    };
  }

  @Test
  void twoAppliesAtOnceOnMoto(Moto moto, @TempDir Path dir) throws Exception {
    try (LockRaceProxy proxy = new LockRaceProxy(moto)) {
      concurrent(through(proxy, Side.moto(moto), "A"), through(proxy, Side.moto(moto), "B"), dir);
      assertEquals("", proxy.overlaps(), () -> proxy.calls().toString());
    }
    try (IamClient iam = moto.iam()) {
      assertEquals(List.of(), iam.listPolicies(r -> r.pathPrefix(IamWriter.LOCK_PATH)).policies(),
          "the lock is released");
    }
  }

  @Test
  void twoAppliesAtOnceOnLocal(@TempDir Path dir) throws Exception {
    Side local = Side.local(dir.resolve("account.json"));
    concurrent(local, local, dir);
  }

  /**
   * AWS's answer to the lock's {@code CreatePolicy} is lost after IAM made the policy (a 5xx or a
   * reset; the proxy stands in for that): the SDK's retry meets the policy with this apply's own
   * token, so the apply holds the lock instead of waiting for itself, and releases it at the end.
   */
  @Test
  void aLockWhoseCreateAnswerWasLostIsOurOwn(Moto moto, @TempDir Path dir) throws Exception {
    Path stack = StackFiles.roles(dir, "lost-answer", "lostanswer", 2);
    try (FaultProxy proxy = new FaultProxy(moto.endpoint(), 1L, 0, 0, 0)
        .loseFirstAnswerTo("Path=%2Frolectl-lock%2F")) {
      java.util.Map<String, String> env = new java.util.HashMap<>(moto.env());
      env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
      TestCli.Run r = TestCli.run(env, "apply", stack.toString(), "--auto-approve", "--target", "aws");
      assertEquals(0, r.exit(), () -> r + "\n" + proxy.stats());
      assertEquals(1, proxy.serverErrors.get(), proxy::stats);
    }
    try (IamClient iam = moto.iam()) {
      assertEquals(List.of(), iam.listPolicies(r -> r.pathPrefix(IamWriter.LOCK_PATH)).policies(),
          "the lock is released");
    }
  }

  private static void concurrent(Side side, Side other, Path dir) throws Exception {
    Path stack = StackFiles.roles(dir, "guard-lock", "locked", 30);
    String[] args = {"apply", stack.toString(), "--auto-approve", "--json", "--lock-timeout", "300s"};
    CompletableFuture<TestCli.Run> first = CompletableFuture.supplyAsync(() -> side.rolectl(args));
    CompletableFuture<TestCli.Run> second = CompletableFuture.supplyAsync(() -> other.rolectl(args));
    TestCli.Run a = first.get();
    TestCli.Run b = second.get();
    assertEquals(0, a.exit(), a::toString);
    assertEquals(0, b.exit(), b::toString);
    int made = created(a) + created(b);
    assertEquals(30 * 4, made, () -> "each change exactly once:\n" + a + "\n" + b);
    TestCli.Run idle = created(a) == 0 ? a : b;
    assertTrue(idle.out().contains("No changes."), idle::toString);
    TestCli.Run plan = side.rolectl("plan", stack.toString(), "--detailed-exitcode");
    assertEquals(0, plan.exit(), plan::toString);
  }

  private static int created(TestCli.Run r) {
    Matcher m = CREATED.matcher(r.out());
    return m.find() ? Integer.parseInt(m.group(1)) : 0;
  }

  @Test
  void aHeldLockIsNamedWaitedForAndTakenOverWhenItsLeaseEnded(Moto moto, @TempDir Path dir)
      throws Exception {
    try (LockRaceProxy proxy = new LockRaceProxy(moto)) {
      heldLock(through(proxy, Side.moto(moto), "A"), moto, dir);
    }
  }

  private static void heldLock(Side side, Moto moto, Path dir) {
    Path stack = StackFiles.roles(dir, "guard-held", "held", 2);
    String lockArn = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/rolectl-lock/rolectl-lock.guard-held";
    try (IamClient iam = moto.iam()) {
      holdLock(iam, Instant.now().plus(Duration.ofMinutes(10)));

      TestCli.Run refused = side.rolectl("apply", stack.toString(), "--auto-approve");
      assertEquals(1, refused.exit(), refused::toString);
      assertTrue(refused.err().contains("another rolectl apply of stack guard-held holds the lock")
          && refused.err().contains("arn:aws:iam::" + Moto.ACCOUNT_ID + ":user/alice on build-7 pid 42")
          && refused.err().contains("--lock-timeout"), refused::toString);
      assertTrue(Side.roles(side.read(), "held").isEmpty(), "nothing was changed");
      assertFalse(side.read().policies().containsKey("rolectl-lock.guard-held"),
          "the lock is never read as a policy of the account");

      long start = System.nanoTime();
      TestCli.Run waited = side.rolectl("apply", stack.toString(), "--auto-approve", "--lock-timeout", "2s");
      assertEquals(1, waited.exit(), waited::toString);
      assertTrue(waited.out().contains("apply lock of stack guard-held: Still waiting"), waited::toString);
      assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() >= 2000);

      iam.deletePolicy(r -> r.policyArn(lockArn));
      holdLock(iam, Instant.now().minus(Duration.ofMinutes(1))); // its holder crashed
      TestCli.Run taken = side.rolectl("apply", stack.toString(), "--auto-approve", "--stats");
      assertEquals(0, taken.exit(), taken::toString);
      assertTrue(taken.out().contains("taking over the lock of arn:aws:iam::" + Moto.ACCOUNT_ID
          + ":user/alice"), taken::toString);
      assertEquals(2, Side.roles(side.read(), "held").size());
      // refused once, then ours; the expired lock found, its tags read once, it and ours
      // deleted; ours renewed once, right before the first change
      assertEquals(2, calls(taken, "CreatePolicy"), taken::err);
      assertEquals(1, calls(taken, "ListPolicies"), taken::err);
      assertEquals(1, calls(taken, "ListPolicyTags"), taken::err);
      assertEquals(2, calls(taken, "DeletePolicy"), taken::err);
      assertEquals(1, calls(taken, "TagPolicy"), taken::err);
      assertEquals(List.of(), iam.listPolicies(r -> r.pathPrefix(IamWriter.LOCK_PATH)).policies());

      TestCli.Run alone = side.rolectl("apply", stack.toString(), "--auto-approve", "--stats");
      assertEquals(0, alone.exit(), alone::toString);
      assertEquals(1, calls(alone, "CreatePolicy"), alone::err);
      assertEquals(1, calls(alone, "DeletePolicy"), alone::err);
      assertEquals(0, calls(alone, "TagPolicy"), "nothing to change, nothing to check: " + alone.err());
      assertEquals(0, calls(alone, "ListPolicies"), alone::err);
      assertEquals(0, calls(alone, "ListPolicyTags"), "the lock is not read as a policy: " + alone.err());
    }
  }

  /** The count of an operation in {@code --stats} output (0 when absent). */
  private static int calls(TestCli.Run r, String operation) {
    return r.err().lines()
        .map(String::trim)
        .filter(l -> l.startsWith(operation + " "))
        .map(l -> Integer.parseInt(l.substring(operation.length()).trim()))
        .findFirst()
        .orElse(0);
  }

  private static void holdLock(IamClient iam, Instant expires) {
    List<software.amazon.awssdk.services.iam.model.Tag> tags = new ArrayList<>();
    tags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key("rolectl:lock").value("guard-held").build());
    tags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key("rolectl:lock-holder").value("arn:aws:iam::" + Moto.ACCOUNT_ID + ":user/alice").build());
    tags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key("rolectl:lock-host").value("build-7").build());
    tags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key("rolectl:lock-pid").value("42").build());
    tags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key("rolectl:lock-started").value(expires.minus(Duration.ofMinutes(10)).toString()).build());
    tags.add(software.amazon.awssdk.services.iam.model.Tag.builder().key("rolectl:lock-expires").value(expires.toString()).build());
    iam.createPolicy(r -> r.policyName("rolectl-lock.guard-held").path(IamWriter.LOCK_PATH)
        .policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\","
            + "\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}]}")
        .tags(tags));
  }

  @Test
  void localNamesTheHolderOfItsFileLock(@TempDir Path dir) {
    Path file = dir.resolve("account.json");
    Side side = Side.local(file);
    Path stack = StackFiles.roles(dir, "guard-file", "file", 1);
    try (IamWriter.Lock held = new LocalIamWriter(new LocalAccountStore(file)).lock()) {
      TestCli.Run refused = side.rolectl("apply", stack.toString(), "--auto-approve", "--lock-timeout", "1s");
      assertEquals(1, refused.exit(), refused::toString);
      assertTrue(refused.err().contains("another rolectl apply is running on"), refused::toString);
      assertTrue(refused.out().contains("Still waiting"), refused::toString);
    }
    assertEquals(0, side.rolectl("apply", stack.toString(), "--auto-approve").exit());
  }
}

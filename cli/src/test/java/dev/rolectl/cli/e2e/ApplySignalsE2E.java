package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.local.LocalAccountStore;
import dev.rolectl.engine.live.local.LocalIamWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * SIGINT (Ctrl-C) and SIGTERM (a CI runner cancelling the job) sent to the real CLI, a child
 * process, while {@code apply} plans and while it makes changes, on {@code local:} and on moto:
 * the apply lock this process took is gone afterwards (the {@code rolectl-lock} policy on moto,
 * {@code FILE.lock} held by nobody on {@code local:}), the exit code is 130 for SIGINT and 143 for
 * SIGTERM, and the next apply converges.
 *
 * <p>To keep the CLI in a phase however fast or loaded the machine is, nothing here depends on
 * timing: on moto a {@link GateProxy} holds the call that marks the phase (reading live IAM while
 * planning, a change's {@code CreateRole}); on {@code local:} a named pipe given as {@code
 * --var-file} holds planning (apply reads the variables after taking the lock, and a pipe
 * without a writer blocks the reader). Polls have deadlines of minutes.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ApplySignalsE2E {
  private static final Duration LONG = Duration.ofMinutes(3);

  @TempDir Path dir;

  @Test
  void sigintAndSigtermWhilePlanningOnLocalEndAtOnceAndReleaseTheFileLock() throws Exception {
    Path account = dir.resolve("account.json");
    Path stack = StackFiles.roles(dir, "sig-plan", "sigplan", 3);
    Path lockFile = dir.resolve("account.json.lock");
    for (String signal : List.of("INT", "TERM")) {
      Path fifo = dir.resolve("vars-" + signal + ".yaml");
      mkfifo(fifo);
      ChildCli apply = ChildCli.start(Map.of(), l -> false, "apply", stack.toString(),
          "--target", "local:" + account, "--auto-approve", "--var-file", fifo.toString());
      String holder = "pid " + apply.process.pid();
      assertTrue(poll(() -> read(lockFile).trim().equals(holder)), () -> "the lock is held by "
          + holder + " (it is: '" + read(lockFile) + "'):\n" + apply.output());
      // planning waits for the variables (the pipe) with the lock held: no change can start
      apply.signal(signal);
      int exit = apply.waitFor(LONG);

      assertEquals(signal.equals("INT") ? 130 : 143, exit, apply::output);
      assertLocalLockFree(account);
      assertTrue(apply.output().contains((signal.equals("INT") ? "Interrupted" : "Terminated"
          + " (SIGTERM)") + " before any change was made: nothing was changed, and no apply lock"
          + " of this run is left behind."), apply.output());
      assertFalse(Files.exists(account), "nothing was written");
      Files.delete(fifo);
    }
    convergesOnLocal(account, stack);
  }

  /**
   * SIGHUP (the terminal closed) while planning ends at once with 129 and releases the lock, as
   * SIGINT does; under {@code nohup} (SIGHUP ignored from the start) it changes nothing.
   */
  @Test
  void sighupWhilePlanningOnLocalReleasesTheLockUnlessIgnoredFromTheStart() throws Exception {
    Path account = dir.resolve("account.json");
    Path stack = StackFiles.roles(dir, "sig-hup", "sighup", 3);
    Path lockFile = dir.resolve("account.json.lock");
    for (boolean nohup : List.of(false, true)) {
      Path fifo = dir.resolve("vars-hup-" + nohup + ".yaml");
      mkfifo(fifo);
      ChildCli apply = ChildCli.startWithHangup(nohup, Map.of(), l -> false, "apply",
          stack.toString(), "--target", "local:" + account, "--auto-approve", "--var-file",
          fifo.toString());
      String holder = "pid " + apply.process.pid();
      assertTrue(poll(() -> read(lockFile).trim().equals(holder)), () -> "the lock is held by "
          + holder + " (it is: '" + read(lockFile) + "'):\n" + apply.output());
      apply.signal("HUP");
      if (nohup) {
        // nothing to wait for but time: the signal is ignored, so nothing happens to observe
        Thread.sleep(2000);
        assertTrue(apply.process.isAlive(), "nohup: SIGHUP is ignored:\n" + apply.output());
        assertEquals(holder, read(lockFile).trim(), "nohup: the lock is still this apply's");
        apply.signal("INT");
        assertEquals(130, apply.waitFor(LONG), apply::output);
      } else {
        assertEquals(129, apply.waitFor(LONG), apply::output);
        assertTrue(apply.output().contains("Hung up (SIGHUP) before any change was made: nothing"
            + " was changed, and no apply lock of this run is left behind."), apply.output());
      }
      assertLocalLockFree(account);
      assertFalse(Files.exists(account), "nothing was written");
      Files.delete(fifo);
    }
    convergesOnLocal(account, stack);
  }

  @Test
  void sigtermWhileApplyingOnLocalFinishesTheChangeInProgressWritesItAndReleasesTheLock()
      throws Exception {
    Path account = dir.resolve("account.json");
    Path stack = StackFiles.roles(dir, "sig-apply", "sigapply", 300);
    ChildCli apply = ChildCli.start(Map.of(), l -> l.contains("\"change_finished\""),
        "apply", stack.toString(), "--target", "local:" + account, "--auto-approve",
        "--format", "json", "--parallelism", "1");
    assertTrue(apply.awaitSignal(LONG), apply::output);
    apply.signal("TERM"); // not Process.destroy(): it closes our end of its output
    int exit = apply.waitFor(LONG);

    List<JsonNode> lines = apply.jsonLines();
    assertEquals(143, exit, apply::output);
    JsonNode summary = summary(lines, apply);
    assertEquals("terminated (SIGTERM)", summary.path("stop_reason").asText());
    List<String> doneRoles = new ArrayList<>();
    long notStarted = 0;
    for (JsonNode o : summary.path("outcomes")) {
      String status = o.path("status").asText();
      assertFalse(status.equals("failed"), "a change in progress was cut: " + o);
      notStarted += status.equals("not-started") ? 1 : 0;
      if (status.equals("done") && o.path("address").asText().matches("roles\\.sigapply\\d+")) {
        doneRoles.add(o.path("address").asText().substring("roles.".length()));
      }
    }
    assertTrue(!doneRoles.isEmpty() && notStarted > 0, "done " + doneRoles + ", not started " + notStarted);
    assertLocalLockFree(account);
    // what was done is in the file: written when the lock was released
    assertEquals(doneRoles.stream().sorted().toList(),
        Side.roles(Side.local(account).read(), "sigapply").stream()
            .map(r -> r.name()).sorted().toList());
    convergesOnLocal(account, stack);
  }

  @Test
  void sigintWhilePlanningOnMotoDeletesTheLockPolicy(Moto moto) throws Exception {
    Side side = Side.moto(moto);
    side.read(); // moto loads its managed policies on the first IAM call after a reset
    Path stack = StackFiles.roles(dir, "sig-plan", "sigplan", 3);
    try (GateProxy gate = new GateProxy(moto.endpoint(), "Action=GetAccountAuthorizationDetails");
        IamClient iam = moto.iam()) {
      ChildCli apply = ChildCli.start(gate.env(moto), l -> false, "apply", stack.toString(),
          "--target", "aws", "--auto-approve");
      assertTrue(gate.awaitHeld(LONG), apply::output);
      // planning reads live IAM, which the gate holds; the lock was taken just before
      assertEquals(List.of("rolectl-lock.sig-plan"), locks(iam), apply::output);
      apply.signal("INT");
      int exit = apply.waitFor(LONG);

      assertEquals(130, exit, apply::output);
      assertEquals(List.of(), locks(iam), "the lock policy is deleted");
      assertTrue(apply.output().contains("Interrupted before any change was made: nothing was"
          + " changed, and no apply lock of this run is left behind."), apply.output());
      assertTrue(Side.roles(side.read(), "sigplan").isEmpty(), "nothing was changed");
    }
    convergesOnMoto(side, stack, moto);
  }

  @Test
  void sigtermWhileApplyingOnMotoLetsTheChangeInProgressFinishThenReleasesTheLock(Moto moto)
      throws Exception {
    Side side = Side.moto(moto);
    side.read();
    Path stack = StackFiles.roles(dir, "sig-apply", "sigapply", 5);
    try (GateProxy gate = new GateProxy(moto.endpoint(), "Action=CreateRole");
        IamClient iam = moto.iam()) {
      ChildCli apply = ChildCli.start(gate.env(moto), l -> false, "apply", stack.toString(),
          "--target", "aws", "--auto-approve", "--format", "json", "--parallelism", "1");
      assertTrue(gate.awaitHeld(LONG), apply::output); // the first change is in flight
      apply.signal("TERM"); // not Process.destroy(): it closes our end of its output
      assertTrue(poll(() -> apply.output().contains("Terminated (SIGTERM): letting the changes in"
          + " progress finish")), apply::output);
      Thread.sleep(1000);
      assertTrue(apply.process.isAlive(), "it waits for the change in progress:\n" + apply.output());
      assertEquals(List.of("rolectl-lock.sig-apply"), locks(iam), "held while it waits");
      gate.open();
      int exit = apply.waitFor(LONG);

      assertEquals(143, exit, apply::output);
      JsonNode summary = summary(apply.jsonLines(), apply);
      assertEquals("terminated (SIGTERM)", summary.path("stop_reason").asText());
      long done = 0;
      long notStarted = 0;
      for (JsonNode o : summary.path("outcomes")) {
        done += o.path("status").asText().equals("done") ? 1 : 0;
        notStarted += o.path("status").asText().equals("not-started") ? 1 : 0;
      }
      assertEquals(1, done, "the change in progress finished, no other started: " + summary);
      assertEquals(5 * 4 - 1, notStarted, summary::toString);
      assertEquals(1, gate.held(), "no second CreateRole was sent");
      assertEquals(List.of(), locks(iam), "the lock policy is deleted");
    }
    convergesOnMoto(side, stack, moto);
  }

  @Test
  void aSecondSignalWhileAChangeHangsEndsAtOnceAndStillDeletesTheLockOnMoto(Moto moto)
      throws Exception {
    Side side = Side.moto(moto);
    side.read();
    Path stack = StackFiles.roles(dir, "sig-twice", "sigtwice", 2);
    try (GateProxy gate = new GateProxy(moto.endpoint(), "Action=CreateRole");
        IamClient iam = moto.iam()) {
      ChildCli apply = ChildCli.start(gate.env(moto), l -> false, "apply", stack.toString(),
          "--target", "aws", "--auto-approve", "--parallelism", "1");
      assertTrue(gate.awaitHeld(LONG), apply::output);
      apply.signal("INT");
      assertTrue(poll(() -> apply.output().contains("Interrupted: letting the changes in progress"
          + " finish")), apply::output);
      apply.signal("TERM"); // then SIGTERM, as a CI runner does after its grace period
      int exit = apply.waitFor(LONG);

      assertEquals(130, exit, "the first signal's code:\n" + apply.output());
      assertTrue(apply.output().contains("Ending at once: the changes in progress may be cut (run"
          + " apply again: it only does what is still missing), and no apply lock of this run is"
          + " left behind."), apply.output());
      assertEquals(List.of(), locks(iam), "the lock policy is deleted");
      gate.open(); // the CreateRole that was on its way reaches IAM after all
    }
    convergesOnMoto(side, stack, moto);
  }

  private static void convergesOnLocal(Path account, Path stack) {
    TestCli.Run again = Side.local(account).rolectl("apply", stack.toString(), "--auto-approve");
    assertEquals(0, again.exit(), again::toString);
    TestCli.Run plan = Side.local(account).rolectl("plan", stack.toString(), "--detailed-exitcode");
    assertEquals(0, plan.exit(), plan::toString);
  }

  private static void convergesOnMoto(Side side, Path stack, Moto moto) {
    TestCli.Run again = side.rolectl("apply", stack.toString(), "--auto-approve");
    assertEquals(0, again.exit(), again::toString);
    TestCli.Run plan = side.rolectl("plan", stack.toString(), "--detailed-exitcode");
    assertEquals(0, plan.exit(), plan::toString);
    try (IamClient iam = moto.iam()) {
      assertEquals(List.of(), locks(iam), "released after the second apply too");
    }
  }

  /**
   * FILE.lock names no holder (the release empties it; a process that dies without releasing
   * leaves its pid there, though the OS lets go of the lock itself), and nobody holds it: this
   * process takes it at once.
   */
  private static void assertLocalLockFree(Path account) {
    assertEquals("", read(account.resolveSibling(account.getFileName() + ".lock")).trim(),
        "FILE.lock names no holder");
    try (IamWriter.Lock lock = new LocalIamWriter(new LocalAccountStore(account)).lock()) {
      assertTrue(lock != null);
    }
  }

  private static List<String> locks(IamClient iam) {
    return iam.listPolicies(r -> r.pathPrefix(IamWriter.LOCK_PATH)).policies().stream()
        .map(p -> p.policyName()).toList();
  }

  private static void mkfifo(Path path) throws Exception {
    Process p = new ProcessBuilder("mkfifo", path.toString()).inheritIO().start();
    assertEquals(0, p.waitFor(), "mkfifo " + path);
  }

  private static boolean poll(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + LONG.toNanos();
    while (System.nanoTime() < deadline) {
      if (condition.getAsBoolean()) {
        return true;
      }
      Thread.sleep(20);
    }
    return condition.getAsBoolean();
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "";
    }
  }

  private static JsonNode summary(List<JsonNode> lines, ChildCli child) {
    JsonNode last = lines.get(lines.size() - 1);
    assertEquals("summary", last.path("type").asText(), child::output);
    assertEquals("stopped", last.path("outcome").asText(), child::output);
    return last;
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real CLI (the shaded jar, as a child process) killed with SIGKILL at random points of an
 * apply (creating, updating or destroying 30 roles), at least 10 times on moto and 5 on a local
 * file: each rerun converges to an empty plan, and nothing is left untagged. A second apply on a
 * local file while one runs is refused at once, naming the holder of the lock.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ApplyInterruptE2E {
  static final int ROLES = 30;
  static final String STACK = "interrupted";
  static final String PREFIX = "intr";
  static final Pattern PROGRESS = Pattern.compile(".*: (Creating|Modifying|Destroying|Replacing).*\\.\\.\\.$");

  @Test
  void killedAppliesConvergeOnRerunOnMoto(Moto moto, @TempDir Path dir) throws Exception {
    Side side = Side.moto(moto);
    side.read(); // moto loads its managed policies on the first IAM call after a reset
    int kills = interruptAndRerun(side, dir, 10, 16, new Random(7));
    assertTrue(kills >= 10, "only " + kills + " applies were killed while running");
  }

  @Test
  void killedAppliesLeaveAConsistentFileAndConvergeOnLocal(@TempDir Path dir) throws Exception {
    Side side = Side.local(dir.resolve("account.json"));
    int kills = interruptAndRerun(side, dir, 5, 10, new Random(11));
    assertTrue(kills >= 5, "only " + kills + " applies were killed while running");
  }

  @Test
  void aSecondApplyOnALocalFileIsRefusedWhileTheFirstRuns(@TempDir Path dir) throws Exception {
    Path account = dir.resolve("account.json");
    Path big = StackFiles.roles(dir, "big", "big", 200);
    ChildCli first = ChildCli.start(java.util.Map.of(), l -> PROGRESS.matcher(l).matches(),
        "apply", big.toString(), "--target", "local:" + account, "--auto-approve", "--parallelism", "1");
    try {
      assertTrue(first.awaitSignal(Duration.ofSeconds(60)), first::output);
      TestCli.Run second = TestCli.run(java.util.Map.of(), "apply", big.toString(), "--target", "local:" + account, "--auto-approve");
      assertEquals(1, second.exit(), second::toString);
      String expected = "error: another rolectl apply is running on " + account.toAbsolutePath()
          + " (lock " + account.toAbsolutePath() + ".lock held by pid " + first.process.pid() + ")";
      assertTrue(second.err().startsWith(expected), second::toString);
    } finally {
      first.kill();
    }
    TestCli.Run after = TestCli.run(java.util.Map.of(), "apply", big.toString(), "--target", "local:" + account, "--auto-approve");
    assertEquals(0, after.exit(), "the killed holder's lock is gone: " + after);
  }

  /** Returns how many applies were killed while running. */
  static int interruptAndRerun(Side side, Path dir, int wantedKills, int maxRuns, Random random) throws Exception {
    List<Path> stacks = List.of(
        StackFiles.roles(dir, STACK, PREFIX, ROLES, 1),
        StackFiles.roles(dir, STACK, PREFIX, ROLES, 2),
        StackFiles.empty(dir, STACK));
    int kills = 0;
    for (int run = 0; run < maxRuns && kills < wantedKills; run++) {
      Path stack = stacks.get(run % stacks.size());
      // Kill right after a random one of the first 59 changes has started (every stack here makes
      // at least 60 changes): a point in the work, not in time, so a fast machine cannot finish
      // the apply before the kill.
      int killAt = 1 + random.nextInt(59);
      AtomicInteger started = new AtomicInteger();
      ChildCli child = ChildCli.start(side.env(),
          l -> PROGRESS.matcher(l).matches() && started.incrementAndGet() == killAt,
          "apply", stack.toString(), "--target", side.target(), "--auto-approve");
      boolean running = child.awaitSignal(Duration.ofSeconds(90));
      boolean killed = child.kill();
      if (killed && running) {
        kills++;
      }
      long done = child.lines.stream().filter(l -> l.contains(" complete after ")).count();
      System.err.printf("[interrupt] %s run %d %s: killed=%s at started change %d, after %d finished%n",
          side.name(), run, stack.getFileName(), killed && running, killAt, done);
      String context = "run " + run + " (" + stack.getFileName() + ", killed=" + killed + "):\n" + child.output();
      TestCli.Run rerun = side.rolectl("apply", stack.toString(), "--auto-approve");
      assertEquals(0, rerun.exit(), () -> context + "\nrerun: " + rerun);
      TestCli.Run again = side.rolectl("apply", stack.toString());
      assertEquals(0, again.exit(), () -> context + "\nagain: " + again);
      assertTrue(again.out().contains("No changes."), () -> context + "\nagain: " + again);
      LiveAccount live = side.read();
      for (LiveRole r : Side.roles(live, PREFIX)) {
        assertEquals(STACK, r.tags().get("rolectl:stack"), () -> r.name() + " untagged after " + context);
      }
      int expected = run % stacks.size() == 2 ? 0 : ROLES;
      assertEquals(expected, Side.roles(live, PREFIX).size(), context);
    }
    if (side.name().equals("local")) {
      assertTrue(Files.readString(dir.resolve("account.json")).endsWith("}\n"));
    }
    return kills;
  }
}

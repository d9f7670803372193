package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Not part of the regular suite (failsafe includes only *E2E and *IT; {@link LockRaceE2E} runs
 * the forced interleavings and one randomized race). The randomized takeover race of {@link
 * LockRaces}, {@code lock.races} times (default 50), each with its own seed: three applies of one
 * stack at once over a crashed apply's lock, every lock call delayed at random per caller, a
 * loser's delete of the crashed lock held until a winner made its own. Counts the races, the
 * forced interleavings, the applies that made changes, and the races in which two applies made
 * changes at overlapping times (must be 0).
 *
 * <pre>
 * mvn -B -pl cli -am verify -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dit.test=LockRaceBenchmark [-Dlock.races=50]
 * </pre>
 *
 * Figures land in {@code cli/target/benchmarks/lock-races.txt}.
 */
@org.junit.jupiter.api.Tag("e2e")
@org.junit.jupiter.api.Tag("benchmark")
@ExtendWith(MotoServer.class)
class LockRaceBenchmark {
  static final int RACES = Integer.getInteger("lock.races", 50);

  @TempDir Path dir;

  @Test
  void takeoverRaces(Moto moto) throws Exception {
    StringBuilder report = new StringBuilder("lock races, " + Instant.now() + ", load "
        + Files.readString(Path.of("/proc/loadavg")).trim() + "\n");
    int overlapping = 0;
    int failed = 0;
    int forced = 0;
    int applies = 0;
    int withChanges = 0;
    long start = System.nanoTime();
    for (int i = 0; i < RACES; i++) {
      long raceStart = System.nanoTime();
      LockRaces.Outcome o = LockRaces.race(moto, dir, 1_000 + i);
      overlapping += o.overlaps().isEmpty() ? 0 : 1;
      failed += o.ok() ? 0 : 1;
      forced += o.forced() ? 1 : 0;
      applies += o.exits().size();
      withChanges += o.withChanges();
      report.append(String.format("race %2d: exits %s, %d with changes, forced %s, %.1f s%s%n", i,
          o.exits(), o.withChanges(), o.forced(), (System.nanoTime() - raceStart) / 1e9,
          o.overlaps().isEmpty() ? "" : ", OVERLAP " + o.overlaps()));
    }
    report.append(String.format("%d races, %d applies (%d made changes), %d forced interleavings,"
            + " %d races with overlapping applies, %d races with an apply that failed or a lock"
            + " left; %.0f s in all%n", RACES, applies, withChanges, forced, overlapping, failed,
        (System.nanoTime() - start) / 1e9));
    Path out = Path.of("target", "benchmarks", "lock-races.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report);
    System.out.print(report);
    assertEquals(0, overlapping, report::toString);
    assertEquals(0, failed, report::toString);
  }
}

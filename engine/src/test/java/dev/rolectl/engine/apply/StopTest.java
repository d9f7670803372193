package dev.rolectl.engine.apply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class StopTest {
  @Test
  void theFirstReasonWins() {
    Stop stop = new Stop();
    assertTrue(stop.request("interrupted (Ctrl-C)"));
    assertEquals(false, stop.request("terminated (SIGTERM)"));
    assertEquals("interrupted (Ctrl-C)", stop.reason().orElseThrow());
  }

  @Test
  void aSleepEndsWhenAStopIsRequested() throws Exception {
    Stop stop = new Stop();
    CountDownLatch asleep = new CountDownLatch(1);
    long[] slept = new long[1];
    Throwable[] thrown = new Throwable[1];
    Thread sleeper = new Thread(() -> {
      long start = System.nanoTime();
      asleep.countDown();
      try {
        stop.sleep(Duration.ofMinutes(10));
      } catch (InterruptedException e) {
        thrown[0] = e;
      }
      slept[0] = System.nanoTime() - start;
    });
    sleeper.start();
    assertTrue(asleep.await(30, TimeUnit.SECONDS));
    stop.request("terminated (SIGTERM)");
    sleeper.join(30_000);
    assertTrue(thrown[0] instanceof InterruptedException, "the sleep was ended: " + thrown[0]);
    assertTrue(slept[0] < TimeUnit.SECONDS.toNanos(30), "not the 10 minutes asked for");
    assertThrows(InterruptedException.class, () -> stop.sleep(Duration.ofMinutes(10)),
        "a stop requested before the sleep ends it at once");
  }

  @Test
  void aSleepWithoutAStopLastsItsDuration() throws Exception {
    long start = System.nanoTime();
    new Stop().sleep(Duration.ofMillis(200));
    assertTrue(System.nanoTime() - start >= TimeUnit.MILLISECONDS.toNanos(200));
  }

  @Test
  void abortRunsEveryRegisteredActionOnceAndRequestsAStop() {
    Stop stop = new Stop();
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    stop.onAbort(() -> ran.add("a"));
    Runnable unregister = stop.onAbort(() -> ran.add("gone"));
    stop.onAbort(() -> {
      throw new IllegalStateException("a failing action does not stop the others");
    });
    stop.onAbort(() -> ran.add("b"));
    unregister.run();

    stop.abort("interrupted (Ctrl-C)");
    stop.abort("again");

    assertEquals(List.of("a", "b"), ran.stream().sorted().toList());
    assertEquals("interrupted (Ctrl-C)", stop.reason().orElseThrow());
    stop.onAbort(() -> ran.add("late"));
    assertTrue(ran.contains("late"), "registered after the abort: run at once");
  }
}

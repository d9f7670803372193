package dev.rolectl.engine.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.apply.Stop;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.TargetException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The locks of an apply session are released once, the last taken first, by the session or by an
 * abort from another thread (a signal handler), including a lock whose taking was under way.
 * Locks here are in-memory fakes of our own port ({@link IamWriter.Lock}).
 */
class SessionLocksTest {
  private final List<String> released = Collections.synchronizedList(new ArrayList<>());

  private IamWriter.Lock lock(String name) {
    return () -> released.add(name);
  }

  @Test
  void closeReleasesTheLastTakenFirstEvenWhenOneFails() {
    SessionLocks locks = new SessionLocks(new Stop());
    locks.take(() -> lock("target"));
    locks.take(() -> () -> {
      released.add("stack");
      throw new TargetException("DeletePolicy failed");
    });
    TargetException e = assertThrows(TargetException.class, locks::close);
    assertEquals("DeletePolicy failed", e.getMessage());
    assertEquals(List.of("stack", "target"), released);
    locks.close();
    assertEquals(2, released.size(), "released once");
  }

  /** A lock that the test can lose, and whose confirm fails once lost. */
  private static final class Losable implements IamWriter.Lock {
    private final List<java.util.function.Consumer<String>> listeners = new ArrayList<>();
    private String lost;
    int confirmed;

    void lose(String why) {
      lost = why;
      listeners.forEach(l -> l.accept(why));
    }

    @Override
    public void confirm() {
      confirmed++;
      if (lost != null) {
        throw new TargetException("lost: " + lost);
      }
    }

    @Override
    public void onLost(java.util.function.Consumer<String> listener) {
      listeners.add(listener);
    }

    @Override
    public void close() {}
  }

  @Test
  void aLostLockStopsTheApplyOnceAndFailsTheCheckBeforeTheFirstChange() {
    Stop stop = new Stop();
    List<dev.rolectl.engine.model.EngineEvent> events = new ArrayList<>();
    SessionLocks locks = new SessionLocks(stop, events::add);
    locks.take(() -> lock("target"));
    Losable stack = new Losable();
    locks.take(() -> stack);

    locks.checkHeld();
    assertEquals(1, stack.confirmed, "ownership is asked of the lock itself");
    assertTrue(stop.reason().isEmpty());

    stack.lose("its lease could not be renewed in time");
    assertEquals("its lease could not be renewed in time; no new change is started",
        stop.reason().orElseThrow());
    assertEquals(List.of(new dev.rolectl.engine.model.EngineEvent.Stopping(stop.reason().get())),
        events);
    TargetException e = assertThrows(TargetException.class, locks::checkHeld);
    assertEquals("lost: its lease could not be renewed in time", e.getMessage());
  }

  @Test
  void anAbortFromAnotherThreadReleasesTheLocksWhileTheSessionStillPlans() {
    Stop stop = new Stop();
    SessionLocks locks = new SessionLocks(stop);
    locks.take(() -> lock("target"));
    locks.take(() -> lock("stack"));

    stop.abort("interrupted (Ctrl-C)");

    assertEquals(List.of("stack", "target"), released);
    List<String> asked = new ArrayList<>();
    TargetException late = assertThrows(TargetException.class, () -> locks.take(() -> {
      asked.add("x");
      return lock("x");
    }));
    assertTrue(late.getMessage().contains("interrupted (Ctrl-C)"), late.getMessage());
    assertEquals(List.of(), asked, "no lock is taken after the abort");
    assertThrows(TargetException.class, locks::checkHeld, "nothing more may be changed");
    locks.close();
    assertEquals(2, released.size());
  }

  @Test
  void aLockBeingTakenWhenTheAbortComesIsLetGoAndTheAbortWaitsForIt() throws Exception {
    Stop stop = new Stop();
    SessionLocks locks = new SessionLocks(stop);
    CountDownLatch taking = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    CompletableFuture<Throwable> planner = CompletableFuture.supplyAsync(() -> {
      try {
        locks.take(() -> {
          taking.countDown();
          await(answer); // CreatePolicy on its way
          return lock("stack");
        });
        return null;
      } catch (RuntimeException e) {
        return e;
      }
    });
    assertTrue(taking.await(30, TimeUnit.SECONDS));
    CompletableFuture<Void> abort = CompletableFuture.runAsync(() -> stop.abort("terminated (SIGTERM)"));
    Thread.sleep(200);
    assertTrue(!abort.isDone(), "the abort waits for the lock being taken");
    answer.countDown();
    abort.get(30, TimeUnit.SECONDS);
    assertEquals(List.of("stack"), released, "let go by the thread that took it, before the abort returned");
    assertTrue(planner.get(30, TimeUnit.SECONDS) instanceof TargetException);
  }

  @Test
  void aSessionThatClosedItselfIsNotReleasedAgainByALaterAbort() {
    Stop stop = new Stop();
    SessionLocks locks = new SessionLocks(stop);
    locks.take(() -> lock("target"));
    locks.close();
    stop.abort("interrupted (Ctrl-C)");
    assertEquals(List.of("target"), released);
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

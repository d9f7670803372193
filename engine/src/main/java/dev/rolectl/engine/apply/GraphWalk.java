package dev.rolectl.engine.apply;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EngineEvent;
import dev.rolectl.engine.plan.ResourceChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Runs changes as a dependency graph (Terraform's walk): each change starts when every change it
 * waits for is done, at most {@code parallelism} at a time, ready changes in address order. A
 * change that does not succeed makes everything downstream of it "skipped" (reported once, with
 * the upstream change); independent work goes on. The calling thread schedules; workers run.
 */
final class GraphWalk {
  private final Map<Address, ResourceChange> changes = new LinkedHashMap<>();
  private final Map<Address, Set<Address>> waits;
  private final Map<Address, List<Address>> dependents = new HashMap<>();
  private final Map<Address, Integer> remaining = new HashMap<>();
  private final Map<Address, ChangeOutcome> outcomes = new HashMap<>();
  private final Consumer<EngineEvent> events;

  GraphWalk(List<ResourceChange> effective, Map<Address, Set<Address>> waits, Consumer<EngineEvent> events) {
    effective.forEach(c -> changes.put(c.address(), c));
    this.waits = waits;
    this.events = events;
    waits.forEach(
        (a, ws) -> {
          remaining.put(a, ws.size());
          ws.forEach(w -> dependents.computeIfAbsent(w, k -> new ArrayList<>()).add(a));
        });
  }

  /** Runs every change; returns the outcomes in the order of {@code effective}. */
  List<ChangeOutcome> run(int parallelism, Function<ResourceChange, ChangeOutcome> work) {
    return run(parallelism, work, new Stop());
  }

  /**
   * Runs every change until {@code stop} is requested (then no new one starts; the others are not
   * started); returns the outcomes in the order of {@code effective}.
   */
  List<ChangeOutcome> run(int parallelism, Function<ResourceChange, ChangeOutcome> work, Stop stop) {
    AtomicInteger threads = new AtomicInteger();
    ExecutorService pool =
        Executors.newFixedThreadPool(
            parallelism,
            r -> {
              Thread t = new Thread(r, "rolectl-apply-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    CompletionService<ChangeOutcome> done = new ExecutorCompletionService<>(pool);
    PriorityQueue<Address> ready = new PriorityQueue<>();
    remaining.forEach((a, n) -> {
      if (n == 0) {
        ready.add(a);
      }
    });
    int running = 0;
    boolean interrupted = false;
    try {
      while (running > 0 || (!ready.isEmpty() && !interrupted && stop.reason().isEmpty())) {
        while (!interrupted && stop.reason().isEmpty() && running < parallelism && !ready.isEmpty()) {
          ResourceChange c = changes.get(ready.poll());
          done.submit(() -> work.apply(c));
          running++;
        }
        Future<ChangeOutcome> f;
        try {
          f = done.take();
        } catch (InterruptedException e) {
          interrupted = true;
          continue;
        }
        running--;
        finished(outcomeOf(f), ready);
      }
    } finally {
      pool.shutdownNow();
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
    List<ChangeOutcome> out = new ArrayList<>();
    for (ResourceChange c : changes.values()) {
      ChangeOutcome o = outcomes.get(c.address());
      if (o == null) {
        o = interrupted || stop.reason().isPresent()
            ? new ChangeOutcome(c.address(), c.action(), ChangeOutcome.Status.NOT_STARTED,
                "not started: " + stop.reason().orElse("the apply was interrupted"),
                Duration.ZERO, null)
            : new ChangeOutcome(c.address(), c.action(), ChangeOutcome.Status.FAILED,
                "not started: it waits for itself through " + waits.get(c.address())
                    + " (a dependency cycle in the plan); run plan again",
                Duration.ZERO, null);
      }
      out.add(o);
    }
    return out;
  }

  private static ChangeOutcome outcomeOf(Future<ChangeOutcome> f) {
    try {
      return f.get();
    } catch (ExecutionException | InterruptedException e) {
      throw new IllegalStateException("a change's work threw instead of reporting", e);
    }
  }

  private void finished(ChangeOutcome o, PriorityQueue<Address> ready) {
    outcomes.put(o.address(), o);
    for (Address d : dependents.getOrDefault(o.address(), List.of())) {
      if (o.isDone()) {
        if (remaining.merge(d, -1, Integer::sum) == 0 && !outcomes.containsKey(d)) {
          ready.add(d);
        }
      } else {
        skip(d, o.address(), o.status() == ChangeOutcome.Status.BLOCKED ? "was blocked" : "failed");
      }
    }
  }

  private void skip(Address a, Address upstream, String what) {
    if (outcomes.containsKey(a)) {
      return;
    }
    ResourceChange c = changes.get(a);
    ChangeOutcome o =
        new ChangeOutcome(
            a, c.action(), ChangeOutcome.Status.SKIPPED, "skipped: upstream " + upstream + " " + what,
            Duration.ZERO, upstream);
    outcomes.put(a, o);
    events.accept(new EngineEvent.ChangeSkipped(a, c.action().jsonName(), upstream));
    for (Address d : dependents.getOrDefault(a, List.of())) {
      skip(d, upstream, what);
    }
  }
}

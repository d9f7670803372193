package dev.rolectl.engine.live.aws;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Reads regions in parallel, {@value #PARALLEL_REGIONS} at a time, on daemon threads made on first
 * use (the ECS and EC2 scans of a target each have one). A read that throws is answered by the
 * caller's {@code failed} function, never by an exception.
 */
final class RegionPool implements AutoCloseable {
  static final int PARALLEL_REGIONS = 8;

  private final String threadName;
  private ExecutorService pool;

  RegionPool(String threadName) {
    this.threadName = threadName;
  }

  /** Runs one task on the pool. */
  <T> Future<T> submit(Callable<T> task) {
    return pool().submit(task);
  }

  /**
   * {@code read} of every region, in the order given (one region is read on the calling thread).
   *
   * @param failed the answer for a region whose read threw (region, cause)
   */
  <T> List<T> each(
      List<String> regions, Function<String, T> read, BiFunction<String, Throwable, T> failed) {
    if (regions.size() == 1) {
      return List.of(read.apply(regions.get(0)));
    }
    List<Future<T>> futures = new ArrayList<>();
    regions.forEach(r -> futures.add(pool().submit(() -> read.apply(r))));
    List<T> out = new ArrayList<>();
    for (int i = 0; i < futures.size(); i++) {
      try {
        out.add(futures.get(i).get());
      } catch (ExecutionException e) {
        out.add(failed.apply(regions.get(i), e.getCause()));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while reading " + threadName, e);
      }
    }
    return out;
  }

  private synchronized ExecutorService pool() {
    if (pool == null) {
      pool =
          Executors.newFixedThreadPool(
              PARALLEL_REGIONS,
              r -> {
                Thread t = new Thread(r, threadName);
                t.setDaemon(true);
                return t;
              });
    }
    return pool;
  }

  @Override
  public synchronized void close() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }
}

package dev.rolectl.engine.api;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Runs one piece of work per account, at most {@code parallelism} at once, and waits for all of
 * them; the work catches its own failures, so one account never stops the others.
 */
final class AccountRun {
  private AccountRun() {}

  static <T> List<T> each(List<AccountRef> accounts, int parallelism, Function<AccountRef, T> work) {
    if (parallelism < 1 || parallelism > 256) {
      throw new IllegalArgumentException("account parallelism must be 1 to 256, got " + parallelism);
    }
    ExecutorService pool = Executors.newFixedThreadPool(
        Math.max(1, Math.min(parallelism, accounts.size())), r -> {
          Thread t = new Thread(r, "rolectl-account");
          t.setDaemon(true);
          return t;
        });
    try {
      List<Future<T>> futures = new ArrayList<>();
      for (AccountRef a : accounts) {
        futures.add(pool.submit(() -> work.apply(a)));
      }
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get());
      }
      return results;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while working on the accounts", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("an account's work failed unexpectedly", e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** The message of an account's failure: ours as they are, anything else named. */
  static String message(RuntimeException e) {
    if (e instanceof dev.rolectl.engine.live.TargetException || e instanceof Refused
        || e instanceof dev.rolectl.engine.plan.PlanFormatException) {
      return e.getMessage();
    }
    return "unexpected error: " + e;
  }
}

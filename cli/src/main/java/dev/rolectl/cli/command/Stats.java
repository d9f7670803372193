package dev.rolectl.cli.command;

import dev.rolectl.engine.live.ApiStats;
import java.io.PrintWriter;
import java.util.TreeMap;

/** {@code --stats}: API calls per operation and the time spent waiting on AWS. */
final class Stats {
  private Stats() {}

  static void print(ApiStats stats, PrintWriter err) {
    err.printf(
        "API calls: %d (%d HTTP attempts), waiting on AWS %.2f s%n",
        stats.totalCalls(), stats.attempts(), stats.waited().toMillis() / 1000.0);
    new TreeMap<>(stats.callsByOperation())
        .forEach((op, n) -> err.printf("  %-36s %6d%n", op, n));
  }
}

package dev.rolectl.engine.live;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What a target cost in API calls (for {@code --stats}).
 *
 * @param callsByOperation API operation name (e.g. {@code ListRoles}) to calls made, retries not
 *     counted, sorted by name
 * @param attempts HTTP requests attempted, retries included
 * @param waited wall time during which at least one call was in flight
 */
public record ApiStats(Map<String, Long> callsByOperation, long attempts, Duration waited) {

  public ApiStats {
    callsByOperation = java.util.Collections.unmodifiableMap(new TreeMap<>(callsByOperation));
    Objects.requireNonNull(waited, "waited");
    if (attempts < 0) {
      throw new IllegalArgumentException("attempts must not be negative: " + attempts);
    }
  }

  /** No calls (file targets). */
  public static ApiStats none() {
    return new ApiStats(Map.of(), 0, Duration.ZERO);
  }

  /** Calls of all operations, retries not counted. */
  public long totalCalls() {
    return callsByOperation.values().stream().mapToLong(Long::longValue).sum();
  }

  /** Calls of one operation (0 when none). */
  public long calls(String operation) {
    return callsByOperation.getOrDefault(operation, 0L);
  }
}

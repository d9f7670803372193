package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ApiStats;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Counts API calls per operation (once per call, in {@code afterExecution} or {@code
 * onExecutionFailure}), HTTP attempts ({@code beforeTransmission}, once per attempt, retries
 * included, also attempts that got no response), and the wall
 * time during which at least one call was in flight. Thread-safe; one instance per target, shared
 * by its clients.
 */
final class CallCounter implements ExecutionInterceptor {
  private final Map<String, Long> calls = new TreeMap<>();
  private long attempts;
  private int inFlight;
  private long busySince;
  private long busyNanos;

  @Override
  public synchronized void beforeExecution(
      Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (inFlight++ == 0) {
      busySince = System.nanoTime();
    }
  }

  @Override
  public synchronized void beforeTransmission(
      Context.BeforeTransmission context, ExecutionAttributes attributes) {
    attempts++;
  }

  @Override
  public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
    finished(attributes);
  }

  @Override
  public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
    finished(attributes);
  }

  private synchronized void finished(ExecutionAttributes attributes) {
    String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    calls.merge(op == null ? "unknown" : op, 1L, Long::sum);
    if (inFlight > 0 && --inFlight == 0) {
      busyNanos += System.nanoTime() - busySince;
    }
  }

  synchronized ApiStats snapshot() {
    long busy = busyNanos + (inFlight > 0 ? System.nanoTime() - busySince : 0);
    return new ApiStats(calls, attempts, Duration.ofNanos(busy));
  }
}

package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ApiStats;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/**
 * Names the endpoint in failures that got no (AWS) answer, and counts API calls per operation (once per call, in {@code afterExecution} or {@code
 * onExecutionFailure}), HTTP attempts ({@code beforeTransmission}, once per attempt, retries
 * included, also attempts that got no response), and the wall
 * time during which at least one call was in flight. Thread-safe; one instance per target, shared
 * by its clients.
 */
final class CallCounter implements ExecutionInterceptor {
  private final Map<String, Long> calls = new TreeMap<>();
  private long attempts;
  private volatile String lastEndpoint;
  private int inFlight;
  private long busySince;
  private long busyNanos;
  private AssumedRole assumedRole;
  private ReadGuard guard;

  /**
   * The target's {@link ReadGuard}, made on first use with {@code readTimeout}; shared by its
   * clients.
   */
  synchronized ReadGuard guard(Duration readTimeout) {
    if (guard == null) {
      guard = new ReadGuard(readTimeout);
    }
    return guard;
  }

  /** The target's role session, made on first use by {@code make}; shared by its clients. */
  synchronized AssumedRole assumedRole(java.util.function.Supplier<AssumedRole> make) {
    if (assumedRole == null) {
      assumedRole = make.get();
    }
    return assumedRole;
  }

  /** Ends the role session's client, if one was made. */
  synchronized void closeSession() {
    if (assumedRole != null) {
      assumedRole.close();
      assumedRole = null;
    }
  }

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
    lastEndpoint = endpoint(context.httpRequest());
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

  /**
   * Names the endpoint in the message of a call that got no answer (timeouts, refused or failed
   * connections), so that the user sees which address did not answer.
   */
  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable e = context.exception();
    String endpoint = context.httpRequest().map(CallCounter::endpoint).orElse(null);
    if (endpoint == null || !(e instanceof SdkClientException c) || !AwsErrors.unreachable(c)) {
      return e;
    }
    // the SDK wants the same class back
    if (e instanceof ApiCallTimeoutException t) {
      return ApiCallTimeoutException.builder()
          .message("no answer from " + endpoint + " in time (" + t.getMessage() + ")")
          .cause(t).build();
    }
    if (e instanceof ApiCallAttemptTimeoutException t) {
      return ApiCallAttemptTimeoutException.builder()
          .message("no answer from " + endpoint + " in time (" + t.getMessage() + ")")
          .cause(t).build();
    }
    if (e.getClass() == SdkClientException.class) {
      return SdkClientException.builder()
          .message("cannot connect to " + endpoint + " (" + e.getMessage() + ")")
          .cause(e).build();
    }
    return e;
  }

  /** The endpoint of the last attempt, e.g. {@code https://iam.amazonaws.com}, or null. */
  String lastEndpoint() {
    return lastEndpoint;
  }

  private static String endpoint(software.amazon.awssdk.http.SdkHttpRequest r) {
    return r.protocol() + "://" + r.host() + port(r);
  }

  private static String port(software.amazon.awssdk.http.SdkHttpRequest r) {
    int p = r.port();
    boolean standard = (p == 443 && "https".equals(r.protocol())) || (p == 80 && "http".equals(r.protocol()));
    return standard || p < 0 ? "" : ":" + p;
  }

  synchronized ApiStats snapshot() {
    long busy = busyNanos + (inFlight > 0 ? System.nanoTime() - busySince : 0);
    return new ApiStats(calls, attempts, Duration.ofNanos(busy));
  }
}

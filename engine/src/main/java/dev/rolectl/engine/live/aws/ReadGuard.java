package dev.rolectl.engine.live.aws;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.core.util.SdkAutoConstructList;
import software.amazon.awssdk.core.util.SdkAutoConstructMap;

/**
 * Checks what a target's endpoints answer before rolectl trusts it, on every call of the target's
 * clients (an SDK interceptor; one per target, shared by its clients like {@link CallCounter}):
 *
 * <ul>
 *   <li>An answer must carry its result: a successful answer whose type has members but that
 *       carries none of them (no {@code <ListRolesResult>} element, an empty body, an HTML page
 *       the SDK read as XML), or that lacks every list its type has (a {@code ListRoles} result
 *       without {@code <Roles>}), is an error naming the call, never an empty account. (The SDK
 *       reads such answers as empty lists; it tells them apart only by {@code hasRoles()}.)
 *   <li>Pagination must end: a marker ({@code Marker}, {@code NextToken}) the endpoint gave before
 *       in the same listing is an error, and so is a listing past {@value #MAX_PAGES} pages or
 *       {@value #MAX_ENTITIES} entities (IAM's quotas are 5,000 roles and 5,000 customer managed
 *       policies an account; ECS's 10,000 clusters a region and 5,000 services a cluster).
 *   <li>One deadline for a whole read ({@link #read}): every call that starts inside an open read
 *       past its deadline fails, so that an endpoint that pages forever, or slowly, is stopped
 *       within the read's time ({@code --read-timeout}) plus one call at most ({@code --timeout}).
 * </ul>
 *
 * A refusal is an {@link SdkClientException} whose cause is a {@link Refusal} with the user
 * message; {@link #refusal(Throwable)} finds it. It is not retried: a call refused before it is
 * sent is not sent, and one whose answer is refused is not sent again.
 */
final class ReadGuard implements ExecutionInterceptor {
  /** The paging members of list answers (IAM's Query, ECS's and EC2's JSON/Query protocols). */
  private static final java.util.Set<String> PAGING =
      java.util.Set.of("IsTruncated", "Marker", "NextToken", "nextToken");

  static final int MAX_PAGES = 1_000;
  static final long MAX_ENTITIES = 200_000;

  private final Duration readTimeout;
  private final int maxPages;
  private final long maxEntities;
  private final List<Read> reads = new CopyOnWriteArrayList<>();
  private final Map<String, Listing> listings = new HashMap<>(); // guarded by this

  /** What an endpoint answered that rolectl does not trust, as a user message. */
  static final class Refusal extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refusal(String message) {
      super(message, null, false, false);
    }
  }

  /** One listing in progress: the markers it was given, its pages and entities so far. */
  private static final class Listing {
    final Set<String> markers = new HashSet<>();
    int pages = 1;
    long entities;
  }

  ReadGuard(Duration readTimeout) {
    this(readTimeout, MAX_PAGES, MAX_ENTITIES);
  }

  /** With other caps (tests). */
  ReadGuard(Duration readTimeout, int maxPages, long maxEntities) {
    this.readTimeout = readTimeout;
    this.maxPages = maxPages;
    this.maxEntities = maxEntities;
  }

  /** One read under the deadline, from {@link #read} to {@link #close()}. */
  final class Read implements AutoCloseable {
    private final String what;
    private final long deadline;

    private Read(String what) {
      this.what = what;
      this.deadline = System.nanoTime() + readTimeout.toNanos();
    }

    @Override
    public void close() {
      reads.remove(this);
    }
  }

  /**
   * Opens a read that must end within the read timeout.
   *
   * @param what what is read, for the message: {@code read IAM roles and policies}
   */
  Read read(String what) {
    Read r = new Read(what);
    reads.add(r);
    return r;
  }

  /** The refusal in a failure's causes, if the guard refused the call. */
  static Optional<Refusal> refusal(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof Refusal r) {
        return Optional.of(r);
      }
    }
    return Optional.empty();
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    String call = call(attributes);
    long now = System.nanoTime();
    for (Read r : reads) {
      if (now - r.deadline > 0) {
        throw refuse("cannot " + r.what + " within " + text(readTimeout)
            + " (--read-timeout, one deadline for the whole read, every call and page): stopped"
            + " before " + call + ". Allow more time with --read-timeout if the account is that"
            + " large; an endpoint that keeps paging is not AWS (check AWS_ENDPOINT_URL and any"
            + " proxy)");
      }
    }
    SdkPojo request = context.request();
    SdkField<?> markerField = marker(request);
    if (markerField == null) {
      return;
    }
    Object marker = markerField.getValueOrDefault(request);
    String key = key(call, request);
    synchronized (this) {
      if (marker == null) {
        listings.put(key, new Listing());
        return;
      }
      Listing l = listings.computeIfAbsent(key, k -> new Listing());
      if (!l.markers.add(marker.toString())) {
        throw refuse(call + ": the endpoint gave the same pagination marker twice in one listing"
            + " (page " + (l.pages + 1) + "), so the listing would never end; AWS never does"
            + " that: check AWS_ENDPOINT_URL and any proxy in between");
      }
      if (++l.pages > maxPages || l.entities > maxEntities) {
        throw refuse(call + ": the listing goes on past " + (l.pages > maxPages
            ? maxPages + " pages" : maxEntities + " entries") + ", more than any account holds"
            + " within AWS's quotas; rolectl stops rather than read without end (check"
            + " AWS_ENDPOINT_URL and any proxy in between)");
      }
    }
  }

  @Override
  public void afterUnmarshalling(Context.AfterUnmarshalling context, ExecutionAttributes attributes) {
    if (!context.httpResponse().isSuccessful()) {
      return;
    }
    SdkPojo answer = context.response();
    List<SdkField<?>> fields = answer.sdkFields();
    if (fields.isEmpty()) {
      return; // an operation without a result (DeletePolicy, TagPolicy)
    }
    boolean anyPresent = false;
    boolean hasLists = false;
    boolean anyList = false;
    // a result member other than a list and the paging fields (DescribeTaskDefinition's
    // taskDefinition beside its optional tags list): the answer carries its result
    boolean anyResult = false;
    long entries = 0;
    for (SdkField<?> f : fields) {
      Object v = f.getValueOrDefault(answer);
      boolean present = v != null && !(v instanceof SdkAutoConstructList)
          && !(v instanceof SdkAutoConstructMap);
      anyPresent |= present;
      if (v instanceof List<?> list) {
        hasLists = true;
        anyList |= present;
        entries += list.size();
      } else if (present && !PAGING.contains(f.memberName())) {
        anyResult = true;
      }
    }
    String call = call(attributes);
    if (!anyPresent || (hasLists && !anyList && !anyResult)) {
      throw refuse(call + ": the endpoint answered HTTP " + context.httpResponse().statusCode()
          + " without the call's result (" + (anyPresent ? "none of its lists" : "nothing of it")
          + "): an answer AWS never gives, so rolectl does not read it as an empty account (check"
          + " AWS_ENDPOINT_URL and any proxy in between)");
    }
    SdkPojo request = context.request();
    if (marker(request) != null) {
      synchronized (this) {
        Listing l = listings.get(key(call, request));
        if (l != null) {
          l.entities += entries;
        }
      }
    }
  }

  /**
   * Names the call in an answer the SDK could not read at all (broken XML or JSON, an HTML page):
   * such an answer is not from AWS.
   */
  @Override
  public Throwable modifyException(Context.FailedExecution context, ExecutionAttributes attributes) {
    Throwable e = context.exception();
    String m = e.getMessage();
    if (e.getClass() != SdkClientException.class || refusal(e).isPresent() || m == null
        || !m.startsWith("Unable to unmarshall response")) {
      return e;
    }
    int status = context.httpResponse().map(r -> r.statusCode()).orElse(0);
    String cause = e.getCause() == null || e.getCause().getMessage() == null ? m
        : e.getCause().getMessage();
    return refuse(call(attributes) + ": the endpoint's answer (HTTP " + status + ") cannot be"
        + " read as the call's result (" + cause.lines().findFirst().orElse("") + "): an answer"
        + " AWS never gives (check AWS_ENDPOINT_URL and any proxy in between)");
  }

  /** {@code 45s}, {@code 10m}, {@code 1m30s}. */
  static String text(Duration d) {
    long s = d.toSeconds();
    return s < 60 ? s + "s" : (s / 60) + "m" + (s % 60 == 0 ? "" : (s % 60) + "s");
  }

  private static SdkClientException refuse(String message) {
    return SdkClientException.builder().message(message).cause(new Refusal(message)).build();
  }

  /** {@code IAM ListRoles}: the service and operation of the call. */
  private static String call(ExecutionAttributes attributes) {
    String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
    String op = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
    return (service == null ? "" : service.toUpperCase(Locale.ROOT) + " ") + op;
  }

  /** The request's pagination marker field ({@code Marker}, {@code NextToken}), or null. */
  private static SdkField<?> marker(SdkPojo request) {
    for (SdkField<?> f : request.sdkFields()) {
      String name = f.memberName();
      if ("marker".equalsIgnoreCase(name) || "nexttoken".equalsIgnoreCase(name)) {
        return f;
      }
    }
    return null;
  }

  /** One listing: the call and its parameters but the marker and the page size. */
  private static String key(String call, SdkPojo request) {
    StringBuilder b = new StringBuilder(call);
    for (SdkField<?> f : request.sdkFields()) {
      String name = f.memberName().toLowerCase(Locale.ROOT);
      if (!name.equals("marker") && !name.equals("nexttoken") && !name.equals("maxitems")
          && !name.equals("maxresults")) {
        b.append('|').append(name).append('=').append(f.getValueOrDefault(request));
      }
    }
    return b.toString();
  }
}

package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.PolicyScopeType;

/**
 * A loopback endpoint in front of moto for the apply lock's races. It tells callers apart by the
 * access key id of their signature (each apply of a test runs with its own), and:
 *
 * <ul>
 *   <li>adds IAM's rule that moto 5.2 lacks: policy names are unique in the account whatever their
 *       path, and case-insensitively ({@code CreatePolicy} of such a name: {@code
 *       EntityAlreadyExists}, code and status from botocore's IAM model); moto keys policies by
 *       ARN, so it would let two applies hold locks of the same name under their own paths.
 *       {@code CreatePolicy} calls are answered one at a time, so the check and the create are
 *       atomic as IAM's are;
 *   <li>holds a caller's request ({@link #hold}) until another call has been answered, to force an
 *       interleaving, or delays a caller's requests ({@link #delay});
 *   <li>refuses a caller's credentials once it made some changes ({@link #expireAfter}), in the
 *       Query protocol's error format, as IAM does when a session's credentials expire mid-apply;
 *   <li>records every IAM call: caller, action, subject (policy or role), when it arrived, when
 *       it was answered, and the status.
 * </ul>
 *
 * STS, ECS and EC2 requests pass through untouched (and unrecorded).
 */
final class LockRaceProxy implements AutoCloseable {
  /** How long a held request waits for its condition before it goes on regardless. */
  static final Duration HOLD_LIMIT = Duration.ofSeconds(40);

  /** One IAM call as the proxy saw it; times in {@link System#nanoTime()}. */
  record Call(String caller, String action, String subject, long start, long end, int status) {
    boolean write() {
      return !(action.startsWith("Get") || action.startsWith("List"));
    }

    boolean lock() {
      return subject != null && (subject.startsWith("rolectl-lock.")
          || subject.contains(":policy/rolectl-lock/"));
    }

    /** A write that changes the stack's resources (not the lock). */
    boolean change() {
      return write() && !lock();
    }

    boolean is(String caller, String action) {
      return this.caller.equals(caller) && this.action.equals(action);
    }

    @Override
    public String toString() {
      return caller + " " + action + " " + subject + " -> " + status;
    }
  }

  /** A hold on a caller's requests of one action. */
  static final class Hold {
    final String caller;
    final String action;
    final Predicate<Call> after;
    final Predicate<Call> until;
    final boolean every;
    volatile int engaged;
    volatile boolean met;

    private Hold(String caller, String action, Predicate<Call> after, Predicate<Call> until,
        boolean every) {
      this.caller = caller;
      this.action = action;
      this.after = after;
      this.until = until;
      this.every = every;
    }

    /** Whether a request was held and went on because its condition came true. */
    boolean forced() {
      return engaged > 0 && met;
    }

    @Override
    public String toString() {
      return caller + " " + action + ": engaged " + engaged + ", met " + met;
    }
  }

  private final Moto moto;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();
  private final IamClient iam;
  private final JsonNode exists;
  private final List<Call> calls = new CopyOnWriteArrayList<>();
  private final List<Hold> holds = new CopyOnWriteArrayList<>();
  private final Map<String, Long> delays = new ConcurrentHashMap<>();
  private final Object answered = new Object();
  private final Map<String, String[]> expiring = new ConcurrentHashMap<>();
  private final Object creating = new Object();

  LockRaceProxy(Moto moto) throws IOException {
    this.moto = moto;
    this.iam = moto.iam();
    JsonNode model = IamRulesProxy.model("iam/2010-05-08");
    this.exists = model.path("shapes").path("EntityAlreadyExistsException").path("error");
    if (exists.isMissingNode()) {
      throw new IllegalStateException("botocore's IAM model has no EntityAlreadyExistsException");
    }
    boolean declared = false;
    for (JsonNode e : model.path("operations").path("CreatePolicy").path("errors")) {
      declared |= e.path("shape").asText().equals("EntityAlreadyExistsException");
    }
    if (!declared) {
      throw new IllegalStateException("CreatePolicy does not declare EntityAlreadyExists");
    }
    this.server = IamRulesProxy.loopback("lock-race-proxy", this::handle);
  }

  /** moto's environment for one caller: this endpoint, and the caller as access key id. */
  Map<String, String> env(String caller) {
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    env.put("AWS_ACCESS_KEY_ID", caller);
    return env;
  }

  /**
   * Holds {@code caller}'s first {@code action} request until a call for which {@code until} is
   * true has been answered (at most {@link #HOLD_LIMIT}).
   */
  Hold hold(String caller, String action, Predicate<Call> until) {
    return add(new Hold(caller, action, c -> true, until, false));
  }

  /**
   * As {@link #hold}, for every such request made once a call for which {@code after} is true
   * has been answered.
   */
  Hold holdEvery(String caller, String action, Predicate<Call> after, Predicate<Call> until) {
    return add(new Hold(caller, action, after, until, true));
  }

  private Hold add(Hold h) {
    holds.add(h);
    return h;
  }

  /**
   * Once {@code caller} has made {@code changes} change calls, answers each of its later IAM
   * requests with the error {@code code} and HTTP {@code status} (sender fault).
   */
  void expireAfter(String caller, int changes, String code, int status) {
    expiring.put(caller, new String[] {Integer.toString(changes), code, Integer.toString(status)});
  }

  /** Delays each IAM request of {@code caller} whose action is {@code action} ({@code *}: all). */
  void delay(String caller, String action, long millis) {
    delays.put(caller + " " + action, millis);
  }

  /** Every IAM call answered so far, in the order answered. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Waits until a call for which {@code what} is true has been answered. */
  boolean await(Predicate<Call> what, Duration timeout) throws InterruptedException {
    long end = System.nanoTime() + timeout.toNanos();
    synchronized (answered) {
      while (calls.stream().noneMatch(what)) {
        long left = (end - System.nanoTime()) / 1_000_000;
        if (left <= 0) {
          return false;
        }
        answered.wait(left);
      }
      return true;
    }
  }

  /**
   * The applies whose changes overlap in time, as text (empty when none): for each caller, the
   * span from the arrival of its first change call to the answer of its last one.
   */
  String overlaps() {
    Map<String, long[]> spans = spans();
    List<String> callers = new ArrayList<>(spans.keySet());
    callers.sort((a, b) -> Long.compare(spans.get(a)[0], spans.get(b)[0]));
    StringBuilder out = new StringBuilder();
    for (int i = 1; i < callers.size(); i++) {
      long[] before = spans.get(callers.get(i - 1));
      long[] after = spans.get(callers.get(i));
      if (after[0] <= before[1]) {
        out.append(callers.get(i - 1)).append(" made changes until ")
            .append((before[1] - after[0]) / 1_000_000).append(" ms after ")
            .append(callers.get(i)).append(" started its own; ");
      }
    }
    return out.toString();
  }

  /** Per caller, its first change call's arrival and its last one's answer (nanoTime). */
  Map<String, long[]> spans() {
    Map<String, long[]> spans = new HashMap<>();
    for (Call c : calls) {
      if (c.change()) {
        spans.merge(c.caller(), new long[] {c.start(), c.end()},
            (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
      }
    }
    return spans;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String auth = String.valueOf(ex.getRequestHeaders().getFirst("Authorization"));
    if (!auth.contains("/iam/aws4_request")) {
      forward(ex, body);
      return;
    }
    long start = System.nanoTime();
    String caller = auth.replaceAll(".*Credential=([^/]+)/.*", "$1");
    Map<String, String> form = IamRulesProxy.form(body);
    String action = form.getOrDefault("Action", "?");
    String subject = form.getOrDefault("PolicyArn", form.getOrDefault("PolicyName",
        form.get("RoleName")));
    Long delay = delays.getOrDefault(caller + " " + action, delays.get(caller + " *"));
    if (delay != null) {
      sleep(delay);
    }
    hold(caller, action);
    int status;
    String[] expired = expiring.get(caller);
    if (expired != null && calls.stream().filter(c -> c.caller().equals(caller) && c.change()
        && c.status() < 300).count() >= Integer.parseInt(expired[0])) {
      status = Integer.parseInt(expired[2]);
      error(ex, status, expired[1], "The security token included in the request is expired");
    } else if (action.equals("CreatePolicy")) {
      synchronized (creating) {
        String name = form.get("PolicyName");
        boolean taken = iam.listPoliciesPaginator(r -> r.scope(PolicyScopeType.LOCAL)).policies()
            .stream().anyMatch(p -> p.policyName().equalsIgnoreCase(name));
        status = taken ? alreadyExists(ex, name) : forward(ex, body);
      }
    } else {
      status = forward(ex, body);
    }
    synchronized (answered) {
      calls.add(new Call(caller, action, subject, start, System.nanoTime(), status));
      answered.notifyAll();
    }
  }

  /** Waits while a hold applies to this request. */
  private void hold(String caller, String action) {
    for (Hold h : holds) {
      boolean applies;
      synchronized (h) {
        applies = h.caller.equals(caller) && h.action.equals(action)
            && (h.every || h.engaged == 0) && calls.stream().anyMatch(h.after);
        if (applies) {
          h.engaged++;
        }
      }
      if (applies) {
        try {
          h.met = await(h.until, HOLD_LIMIT);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  private int alreadyExists(HttpExchange ex, String name) throws IOException {
    int status = exists.path("httpStatusCode").asInt(409);
    error(ex, status, exists.path("code").asText(), "A policy called " + name
        + " already exists. Duplicate names are not allowed.");
    return status;
  }

  /** An error in the Query protocol's format. */
  private static void error(HttpExchange ex, int status, String code, String message)
      throws IOException {
    String xml = "<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error>"
        + "<Type>Sender</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
        + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/xml");
    ex.sendResponseHeaders(status, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  /** Forwards to moto; returns moto's status (0 when the caller is gone). */
  private int forward(HttpExchange ex, byte[] body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(
            URI.create(moto.endpoint().toString()).resolve(ex.getRequestURI().toString()))
        .timeout(Duration.ofSeconds(60))
        .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    Set<String> hop = Set.of("host", "content-length", "connection", "expect", "upgrade",
        "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");
    ex.getRequestHeaders().forEach((k, vs) -> {
      if (!hop.contains(k.toLowerCase(Locale.ROOT))) {
        vs.forEach(v -> b.header(k, v));
      }
    });
    HttpResponse<byte[]> resp;
    try {
      resp = http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException(e);
    }
    try {
      ex.getResponseHeaders().set("Content-Type",
          resp.headers().firstValue("content-type").orElse("text/xml"));
      ex.sendResponseHeaders(resp.statusCode(), resp.body().length == 0 ? -1 : resp.body().length);
      ex.getResponseBody().write(resp.body());
      ex.close();
    } catch (IOException e) {
      ex.close(); // the caller is gone: the request was carried out all the same
    }
    return resp.statusCode();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    iam.close();
  }
}

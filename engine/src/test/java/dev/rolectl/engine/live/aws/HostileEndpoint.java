package dev.rolectl.engine.live.aws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rolectl.engine.live.TargetOptions;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A loopback endpoint for IAM, STS (Query protocol: XML), ECS and Organizations (JSON 1.1) that
 * answers as the test says, in the shapes of the services' published API (botocore's models:
 * {@code <ActionResponse><ActionResult>...}, {@code IsTruncated}/{@code Marker}; JSON objects with
 * {@code nextToken}/{@code NextToken}), and answers wrongly where the test says so: it stands in
 * for a proxy or endpoint that is not AWS. STS {@code GetCallerIdentity} is answered for account
 * 123456789012 unless the test answers it.
 */
final class HostileEndpoint implements AutoCloseable {
  static final String IAM_NS = "https://iam.amazonaws.com/doc/2010-05-08/";

  /** One call as the endpoint saw it: service ({@code iam}, {@code ecs}, ...), action, form. */
  record Call(String service, String action, Map<String, String> params, int n) {}

  /** What to answer. */
  record Answer(int status, String type, String body, long delayMillis) {
    static Answer xml(String body) {
      return new Answer(200, "text/xml", body, 0);
    }

    static Answer json(String body) {
      return new Answer(200, "application/x-amz-json-1.1", body, 0);
    }

    Answer after(long millis) {
      return new Answer(status, type, body, millis);
    }
  }

  private final HttpServer server;
  private final Function<Call, Answer> answers;
  private final Map<String, AtomicInteger> counts = new HashMap<>();
  final AtomicInteger calls = new AtomicInteger();
  private final Map<String, long[]> firstAndLast = new HashMap<>(); // nanoTime, guarded by counts

  HostileEndpoint(Function<Call, Answer> answers) throws IOException {
    this.answers = answers;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "hostile-endpoint");
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", this::handle);
    server.start();
  }

  TargetOptions options() {
    return new TargetOptions(null, "us-east-1", URI.create("http://127.0.0.1:"
        + server.getAddress().getPort()), new TargetOptions.Credentials("AKIDTEST", "secret", null),
        1);
  }

  /** A Query protocol answer of {@code action} with {@code result} inside its result element. */
  static Answer query(String action, String result) {
    return Answer.xml("<" + action + "Response xmlns=\"" + IAM_NS + "\"><" + action + "Result>"
        + result + "</" + action + "Result><ResponseMetadata><RequestId>r</RequestId>"
        + "</ResponseMetadata></" + action + "Response>");
  }

  int count(String action) {
    synchronized (counts) {
      return counts.getOrDefault(action, new AtomicInteger()).get();
    }
  }

  /** Milliseconds between the first and the last arrival of {@code action}. */
  long spanMillis(String action) {
    synchronized (counts) {
      long[] t = firstAndLast.get(action);
      return t == null ? 0 : (t[1] - t[0]) / 1_000_000;
    }
  }

  private void handle(HttpExchange x) throws IOException {
    byte[] body = x.getRequestBody().readAllBytes();
    String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
    String service = auth.replaceAll(".*Credential=[^/]+/[^/]+/[^/]+/([^/]+)/.*", "$1");
    String target = x.getRequestHeaders().getFirst("X-Amz-Target");
    Map<String, String> params = new HashMap<>();
    String action;
    if (target != null) {
      action = target.substring(target.indexOf('.') + 1);
      params.put("json", new String(body, StandardCharsets.UTF_8));
    } else {
      for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
              URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
      }
      action = params.getOrDefault("Action", "?");
    }
    int n;
    synchronized (counts) {
      n = counts.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
      long now = System.nanoTime();
      firstAndLast.computeIfAbsent(action, k -> new long[] {now, now})[1] = now;
    }
    calls.incrementAndGet();
    Answer a = answers.apply(new Call(service, action, params, n));
    if (a == null && action.equals("GetCallerIdentity")) {
      a = Answer.xml("<GetCallerIdentityResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">"
          + "<GetCallerIdentityResult><Arn>arn:aws:iam::123456789012:user/tester</Arn>"
          + "<UserId>AIDATEST</UserId><Account>123456789012</Account></GetCallerIdentityResult>"
          + "<ResponseMetadata><RequestId>r</RequestId></ResponseMetadata>"
          + "</GetCallerIdentityResponse>");
    }
    if (a == null) {
      a = new Answer(400, "text/xml", "<ErrorResponse xmlns=\"" + IAM_NS + "\"><Error><Type>Sender"
          + "</Type><Code>InvalidAction</Code><Message>not answered by the test: " + action
          + "</Message></Error><RequestId>r</RequestId></ErrorResponse>", 0);
    }
    if (a.delayMillis() > 0) {
      try {
        Thread.sleep(a.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", a.type());
    x.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      x.getResponseBody().write(out);
    }
    x.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

package dev.rolectl.cli.e2e.ecsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback ECS endpoint for the tests, standing in for ECS where moto lacks the API (service
 * deployments, service revisions, Managed Instances capacity providers, gateways, Express gateway
 * services): it speaks ECS's JSON 1.1 protocol ({@code X-Amz-Target:
 * AmazonEC2ContainerServiceV20141113.OPERATION}), takes the region from the request's SigV4
 * credential scope, answers from an {@link EcsWorld} with the model's pagination ({@code
 * maxResults}, {@code nextToken}) and {@code ListServiceDeployments}' status filter, and checks
 * every answer against botocore's model ({@link EcsModel}): an answer that strays is not sent (HTTP
 * 500 naming the problem) and is recorded in {@link #violations()}, which tests assert empty.
 * Faults ({@link #fail}) stand in for a failing proxy (5xx without an error code), an old endpoint
 * (501, {@code UnknownOperationException}), missing permissions and throttling.
 */
public final class EcsApiServer implements AutoCloseable {
  private static final Pattern SCOPE = Pattern.compile("Credential=[^/]+/\\d{8}/([^/]+)/ecs/");

  public final EcsWorld world = new EcsWorld();
  public final EcsModel model;
  private final HttpServer http;
  private final EcsOperations operations;
  private final List<Call> calls = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private final List<Fault> faults = new ArrayList<>();

  /** A request it got, with its {@code User-Agent} header. */
  public record Call(String region, String operation, JsonNode body, String userAgent) {}

  /**
   * An answer to send instead of the world's.
   *
   * @param region {@code null} for every region
   * @param status HTTP status; {@link #NO_ANSWER} holds the connection without answering (an
   *     endpoint that accepts and never answers) until the server is reset or closed
   * @param code the error code ({@code __type}); {@code null} for an HTML body without one
   * @param message the error message; {@code null} for {@code scripted CODE}
   */
  public record Fault(String operation, String region, int status, String code, String message) {
    public Fault(String operation, String region, int status, String code) {
      this(operation, region, status, code, null);
    }
  }

  /** {@link Fault#status()} of a request that never gets an answer. */
  public static final int NO_ANSWER = 0;

  private java.util.concurrent.CountDownLatch released = new java.util.concurrent.CountDownLatch(1);

  public EcsApiServer(Path motoVenv) {
    this.model = EcsModel.load(motoVenv);
    this.operations = new EcsOperations(world);
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    http.createContext("/", this::handle);
    http.setExecutor(Executors.newCachedThreadPool()); // held requests must not starve the others
    http.start();
  }

  public URI endpoint() {
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort());
  }

  /** Forgets the world, the calls, the faults and the page size. */
  public synchronized void reset() {
    released.countDown();
    released = new java.util.concurrent.CountDownLatch(1);
    world.clear();
    calls.clear();
    faults.clear();
    operations.pageSize = 0;
  }

  /** Answers pages of at most {@code n} items whatever {@code maxResults} says (0: as asked). */
  public synchronized void pageSize(int n) {
    operations.pageSize = n;
  }

  public synchronized void fail(Fault fault) {
    faults.add(fault);
  }

  public synchronized void clearFaults() {
    faults.clear();
  }

  public synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  public synchronized List<Call> calls(String operation) {
    return calls.stream().filter(c -> c.operation().equals(operation)).toList();
  }

  public synchronized List<String> violations() {
    return List.copyOf(violations);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      Matcher m = SCOPE.matcher(auth == null ? "" : auth);
      String region = m.find() ? m.group(1) : "us-east-1";
      byte[] raw = ex.getRequestBody().readAllBytes();
      if (target == null && new String(raw, StandardCharsets.UTF_8).contains("Action=DescribeRegions")) {
        ec2DescribeRegions(ex);
        return;
      }
      JsonNode body = EcsWorld.JSON.readTree(raw);
      String op = target == null ? "" : target.substring(target.indexOf('.') + 1);
      Fault fault;
      synchronized (this) {
        calls.add(new Call(region, op, body, ex.getRequestHeaders().getFirst("User-Agent")));
        fault =
            faults.stream()
                .filter(f -> f.operation().equals(op) && (f.region() == null || f.region().equals(region)))
                .findFirst()
                .orElse(null);
      }
      if (target == null || !target.startsWith("AmazonEC2ContainerServiceV20141113.")) {
        send(ex, 400, error("UnknownOperationException", "no X-Amz-Target"));
        return;
      }
      if (fault != null) {
        sendFault(ex, op, fault);
        return;
      }
      JsonNode answer;
      synchronized (world) {
        answer = operations.answer(region, op, body);
      }
      if (answer == null) {
        violation(op + ": the test server does not implement it (rolectl should not call it)");
        send(ex, 500, error("ServerException", "not implemented by the test server: " + op));
        return;
      }
      List<String> problems = model.check(op, answer);
      if (!problems.isEmpty()) {
        problems.forEach(this::violation);
        send(ex, 500, error("ServerException", "MODEL VIOLATION " + problems));
        return;
      }
      send(ex, 200, answer.toString());
    } catch (RuntimeException e) {
      violation("test server failed: " + e);
      send(ex, 500, error("ServerException", e.toString()));
    }
  }

  /**
   * EC2 DescribeRegions (query protocol), only as a refusal: stands in for EC2 answering an
   * identity without ec2:DescribeRegions with HTTP 403 UnauthorizedOperation in EC2's XML error
   * shape. Anything else there is a test mistake.
   */
  private void ec2DescribeRegions(HttpExchange ex) throws IOException {
    synchronized (this) {
      calls.add(new Call("-", "DescribeRegions", EcsWorld.JSON.createObjectNode(),
          ex.getRequestHeaders().getFirst("User-Agent")));
    }
    byte[] xml =
        ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Errors><Error>"
                + "<Code>UnauthorizedOperation</Code><Message>You are not authorized to perform this"
                + " operation.</Message></Error></Errors><RequestID>r-1</RequestID></Response>")
            .getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/xml;charset=UTF-8");
    ex.sendResponseHeaders(403, xml.length);
    ex.getResponseBody().write(xml);
  }

  private void sendFault(HttpExchange ex, String op, Fault f) throws IOException {
    if (f.status() == NO_ANSWER) {
      java.util.concurrent.CountDownLatch until;
      synchronized (this) {
        until = released;
      }
      try {
        until.await(5, java.util.concurrent.TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return; // the exchange closes without a response
    }
    if (f.code() == null) {
      byte[] html = ("<html><body><h1>" + f.status() + "</h1>The gateway could not answer.</body></html>")
          .getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/html");
      ex.sendResponseHeaders(f.status(), html.length);
      ex.getResponseBody().write(html);
      return;
    }
    List<String> problems = model.checkError(op, f.code());
    problems.forEach(this::violation);
    send(ex, f.status(), error(f.code(), f.message() != null ? f.message() : "scripted " + f.code()));
  }

  private synchronized void violation(String v) {
    violations.add(v);
  }

  private static String error(String code, String message) {
    ObjectNode e = EcsWorld.JSON.createObjectNode();
    e.put("__type", code);
    e.put("message", message);
    return e.toString();
  }

  private static void send(HttpExchange ex, int status, String json) throws IOException {
    byte[] b = json.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    ex.getResponseHeaders().set("x-amzn-RequestId", java.util.UUID.randomUUID().toString());
    ex.sendResponseHeaders(status, b.length);
    ex.getResponseBody().write(b);
  }

  @Override
  public void close() {
    http.stop(0);
    ((java.util.concurrent.ExecutorService) http.getExecutor()).shutdownNow();
  }

  static ArrayNode array() {
    return EcsWorld.JSON.createArrayNode();
  }
}

package dev.rolectl.cli.training;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A loopback HTTP server in this JVM that answers the AWS calls of {@link CdsTraining} for a
 * fictional account (123456789012, the documentation account id): IAM, STS and EC2 over the
 * Query protocol ({@code Action=...} form bodies, XML answers), ECS over JSON 1.1 ({@code
 * X-Amz-Target}). The service is the one in the SigV4 credential scope of the request.
 *
 * <p>Answers come from {@code aws/SERVICE/OPERATION.xml|json} beside this class, with {@code
 * ${Param}} replaced by the request's form parameter of that name (XML-escaped; empty when
 * absent). An operation without a file gets an empty result ({@code <OpResult/>}, or {@code {}}):
 * what IAM's write operations without an output return. An operation with an output needs a file
 * that carries it: rolectl refuses an answer without its result (ReadGuard). It stands in for AWS
 * only to load classes: nothing here checks requests, and its answers do not change with writes.
 *
 * <p>A request for another host (the proxy of {@link LoopbackOnly} points here) is answered 502
 * and counted in {@link #outside()}.
 */
final class TrainingEndpoint implements AutoCloseable {
  private static final Pattern SCOPE = Pattern.compile("Credential=[^/,]+/[^/]+/[^/]+/([^/]+)/aws4_request");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(\\w+)}");

  private final HttpServer server;
  private final List<String> calls = new ArrayList<>();
  private final List<String> outside = new ArrayList<>();

  private TrainingEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Listens on a free port of the loopback address; {@link #close()} stops it. */
  static TrainingEndpoint start() {
    // Answers go out at once: without TCP_NODELAY each one waited about 40 ms (Nagle's algorithm
    // against the client's delayed ACK), which made the training run 2 s longer. Read by the
    // server's configuration when it is first created.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    try {
      HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
      TrainingEndpoint endpoint = new TrainingEndpoint(server);
      server.createContext("/", endpoint::handle);
      server.start();
      return endpoint;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot listen on the loopback address", e);
    }
  }

  /** {@code http://127.0.0.1:PORT} (or the loopback address of this host). */
  URI uri() {
    InetSocketAddress a = server.getAddress();
    return URI.create("http://" + a.getAddress().getHostAddress() + ":" + a.getPort());
  }

  InetSocketAddress address() {
    return server.getAddress();
  }

  /** The calls answered, as {@code service:Operation}, in order. */
  synchronized List<String> calls() {
    return List.copyOf(calls);
  }

  /** Requests for other hosts that reached this endpoint as a proxy (answered 502). */
  synchronized List<String> outside() {
    return List.copyOf(outside);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] body = exchange.getRequestBody().readAllBytes();
      URI uri = exchange.getRequestURI();
      if (uri.isAbsolute() || "CONNECT".equals(exchange.getRequestMethod())) {
        synchronized (this) {
          outside.add(exchange.getRequestMethod() + " " + uri);
        }
        send(exchange, 502, "text/plain", "rolectl CDS training: no network access");
        return;
      }
      String service = service(exchange.getRequestHeaders().getFirst("Authorization"));
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if (target != null) {
        String operation = target.substring(target.lastIndexOf('.') + 1);
        record(service, operation);
        String json = resource(service, operation + ".json");
        send(exchange, 200, "application/x-amz-json-1.1", json == null ? "{}" : json);
        return;
      }
      Map<String, String> params = form(new String(body, StandardCharsets.UTF_8));
      String operation = params.getOrDefault("Action", "");
      record(service, operation);
      String xml = resource(service, operation + ".xml");
      send(exchange, 200, "text/xml", xml == null ? emptyResult(service, operation, params) : fill(xml, params));
    }
  }

  private synchronized void record(String service, String operation) {
    calls.add(service + ":" + operation);
  }

  private static String service(String authorization) {
    Matcher m = SCOPE.matcher(authorization == null ? "" : authorization);
    return m.find() ? m.group(1) : "unknown";
  }

  private static String emptyResult(String service, String operation, Map<String, String> params) {
    String ns = "https://" + service + ".amazonaws.com/doc/" + params.getOrDefault("Version", "") + "/";
    String meta = service.equals("ec2")
        ? "<requestId>rolectl-training</requestId>"
        : "<" + operation + "Result/><ResponseMetadata><RequestId>rolectl-training</RequestId></ResponseMetadata>";
    return "<" + operation + "Response xmlns=\"" + ns + "\">" + meta + "</" + operation + "Response>";
  }

  private static String fill(String template, Map<String, String> params) {
    Matcher m = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      m.appendReplacement(out, Matcher.quoteReplacement(xmlEscape(params.getOrDefault(m.group(1), ""))));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String xmlEscape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  private static Map<String, String> form(String body) {
    Map<String, String> out = new HashMap<>();
    for (String pair : body.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
      }
    }
    return out;
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  private static String resource(String service, String file) throws IOException {
    try (InputStream in = TrainingEndpoint.class.getResourceAsStream("aws/" + service + "/" + file)) {
      return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void send(HttpExchange exchange, int status, String type, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", type);
    exchange.getResponseHeaders().set("x-amzn-RequestId", "rolectl-training");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

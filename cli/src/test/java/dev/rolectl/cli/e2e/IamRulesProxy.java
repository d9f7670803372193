package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.zip.GZIPInputStream;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.EntityType;
import software.amazon.awssdk.services.iam.model.RoleDetail;
import software.amazon.awssdk.services.iam.model.UserDetail;

/**
 * A loopback IAM endpoint (Query protocol) in front of moto that adds rules of IAM that moto
 * 5.2.5 lacks (checked: moto accepts all of them), and records the IAM calls it forwards, in
 * order (those it answers itself too): those of {@link IamModelRules}
 * (the model's input constraints, Sid charset, Version of managed policies, tag keys differing in
 * case, reserved paths), IAM's eventual consistency on request ({@link #lag}), and:
 *
 * <ul>
 *   <li>{@code CreateRole} of a name that exists in another case: {@code EntityAlreadyExists}
 *       (IAM names are unique case-insensitively);
 *   <li>{@code CreateRole} / {@code UpdateAssumeRolePolicy} whose trust policy names a role of
 *       the account that does not exist: {@code MalformedPolicyDocument: Invalid principal in
 *       policy};
 *   <li>{@code DeletePolicy} of a policy that is a role's or user's permissions boundary: {@code
 *       DeleteConflict}.
 * </ul>
 *
 * The error codes and HTTP statuses come from botocore's {@code iam/2010-05-08/service-2.json}
 * in the moto virtualenv, read when the proxy starts (and each error must be one the operation
 * declares there). State is looked up in moto through the SDK, directly. Everything else is
 * forwarded untouched.
 */
final class IamRulesProxy implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private final Moto moto;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final JsonNode model;
  private final IamClient iam;
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger inFlight = new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger maxInFlight = new java.util.concurrent.atomic.AtomicInteger();

  private final IamModelRules rules;
  /** Policies created through the proxy, by ARN, with when (for {@link #lag}). */
  private final Map<String, Long> createdAt = new java.util.concurrent.ConcurrentHashMap<>();
  private volatile Duration lag = Duration.ZERO;

  IamRulesProxy(Moto moto) throws IOException {
    this.moto = moto;
    this.model = model();
    this.rules = new IamModelRules(model);
    this.iam = moto.iam();
    this.server = loopback("iam-rules-proxy", this::handle);
  }

  /**
   * From now on, IAM's eventual consistency: for {@code lag} after a policy was created through
   * the proxy, CreateRole and PutRolePermissionsBoundary naming it as a boundary and
   * Attach*Policy naming it answer {@code NoSuchEntity} ("Scope ARN ... does not exist or is not
   * attachable"), as IAM does while the new policy has not reached the data plane.
   */
  void lag(Duration lag) {
    this.lag = lag;
  }

  /** A started HTTP server on a free loopback port, one daemon thread per request. */
  static HttpServer loopback(String name, com.sun.net.httpserver.HttpHandler handler)
      throws IOException {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 100);
    server.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, name);
      t.setDaemon(true);
      return t;
    }));
    server.createContext("/", handler);
    server.start();
    return server;
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The environment for the CLI: moto's, with this endpoint. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL", endpoint().toString());
    return env;
  }

  /** The IAM calls forwarded or refused so far, in order: {@code Action key=value...}. */
  List<String> calls() {
    return List.copyOf(calls);
  }

  void clearCalls() {
    calls.clear();
    maxInFlight.set(0);
  }

  private volatile String held;
  private volatile String awaited;
  private volatile java.util.concurrent.CountDownLatch arrival = new java.util.concurrent.CountDownLatch(0);
  private volatile boolean released;

  /**
   * From now on, holds each {@code held} request until an {@code awaited} request arrives (at most
   * 20 s, then it goes on): whether the client sends the second while the first is in flight.
   */
  void holdUntilArrives(String held, String awaited) {
    this.arrival = new java.util.concurrent.CountDownLatch(1);
    this.released = false;
    this.awaited = awaited;
    this.held = held;
  }

  private volatile String raceAction;
  private volatile Runnable race;

  /**
   * Runs {@code beforeIt} once, right before the first {@code action} request is forwarded to moto:
   * someone else's change that lands between rolectl's plan and its call (the race a saved plan's
   * create meets as {@code EntityAlreadyExists}).
   */
  void onceBefore(String action, Runnable beforeIt) {
    this.race = beforeIt;
    this.raceAction = action;
  }

  /** Whether a held request saw the awaited one arrive (see {@link #holdUntilArrives}). */
  boolean heldWasReleased() {
    return released;
  }

  /** The most IAM requests that were being answered at once since the last {@link #clearCalls}. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  private static JsonNode model() throws IOException {
    return model("iam/2010-05-08");
  }

  /** botocore's model of a service ({@code iam/2010-05-08}) from the moto virtualenv. */
  static JsonNode model(String service) throws IOException {
    Path lib = MotoInstall.venv().resolve("lib");
    try (var pythons = Files.list(lib)) {
      for (Path python : pythons.toList()) {
        Path f = python.resolve("site-packages/botocore/data/" + service + "/service-2.json.gz");
        if (Files.exists(f)) {
          try (InputStream in = new GZIPInputStream(Files.newInputStream(f))) {
            return JSON.readTree(in);
          }
        }
      }
    }
    throw new IOException("botocore's " + service + " model is not in " + lib + " (is moto installed?)");
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String auth = ex.getRequestHeaders().getFirst("Authorization");
    Map<String, String> form = auth != null && auth.contains("/iam/aws4_request") ? form(body) : Map.of();
    String action = form.get("Action");
    if (action != null) {
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        answer(ex, body, action, form);
      } finally {
        inFlight.decrementAndGet();
      }
      return;
    }
    forward(ex, body);
  }

  private void answer(HttpExchange ex, byte[] body, String action, Map<String, String> form)
      throws IOException {
    calls.add(describe(action, form));
    if (action.equals(awaited)) {
      arrival.countDown();
    }
    if (action.equals(held)) {
      try {
        released |= arrival.await(20, java.util.concurrent.TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    Runnable before = race;
    if (before != null && action.equals(raceAction)) {
      race = null;
      before.run();
    }
    String refusal = rules.refusal(action, form);
    if (refusal == null) {
      refusal = notYetKnown(action, form);
    }
    if (refusal == null) {
      refusal = refusal(action, form);
    }
    if (refusal != null && refusal.startsWith("ValidationError|")) {
      replyValidation(ex, refusal.substring(refusal.indexOf('|') + 1));
      return;
    }
    if (refusal != null) {
      String[] parts = refusal.split("\\|", 2);
      reply(ex, action, parts[0], parts[1]);
      return;
    }
    if (action.equals("CreatePolicy")) {
      createdAt.put("arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy" + form.getOrDefault("Path", "/")
          + form.get("PolicyName"), System.nanoTime());
    }
    forward(ex, body);
  }

  /** NoSuchEntity for a policy created less than {@link #lag} ago, else null. */
  private String notYetKnown(String action, Map<String, String> form) {
    String arn = switch (action) {
      case "CreateRole", "PutRolePermissionsBoundary" -> form.get("PermissionsBoundary");
      case "AttachRolePolicy", "AttachUserPolicy", "AttachGroupPolicy" -> form.get("PolicyArn");
      default -> null;
    };
    Long at = arn == null ? null : createdAt.get(arn);
    if (at == null || System.nanoTime() - at >= lag.toNanos()) {
      return null;
    }
    return "NoSuchEntityException|Scope ARN: " + arn + " does not exist or is not attachable.";
  }

  /**
   * IAM's answer to a call that breaks an input constraint of the model: {@code ValidationError}
   * (HTTP 400), the common error of the Query protocol for them (not a modelled shape).
   */
  private void replyValidation(HttpExchange ex, String message) throws IOException {
    String xml = "<ErrorResponse xmlns=\"" + model.path("metadata").path("xmlNamespace").asText()
        + "\"><Error><Type>Sender</Type><Code>ValidationError</Code><Message>"
        + message.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")
        + "</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/xml");
    ex.sendResponseHeaders(400, bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  /** "ShapeName|message" when IAM would refuse the call; null to forward it. */
  private String refusal(String action, Map<String, String> form) {
    switch (action) {
      case "CreateRole":
        String name = form.get("RoleName");
        boolean other = iam.listRolesPaginator().roles().stream()
            .anyMatch(r -> r.roleName().equalsIgnoreCase(name) && !r.roleName().equals(name));
        if (other) {
          return "EntityAlreadyExistsException|Role with name " + name + " already exists.";
        }
        return invalidPrincipal(form.get("AssumeRolePolicyDocument"));
      case "UpdateAssumeRolePolicy":
        return invalidPrincipal(form.get("PolicyDocument"));
      case "DeletePolicy":
        String arn = form.get("PolicyArn");
        for (var page : iam.getAccountAuthorizationDetailsPaginator(
            r -> r.filter(EntityType.ROLE, EntityType.USER))) {
          for (RoleDetail r : page.roleDetailList()) {
            if (r.permissionsBoundary() != null && arn.equals(r.permissionsBoundary().permissionsBoundaryArn())) {
              return "DeleteConflictException|Cannot delete a policy attached to entities.";
            }
          }
          for (UserDetail u : page.userDetailList()) {
            if (u.permissionsBoundary() != null && arn.equals(u.permissionsBoundary().permissionsBoundaryArn())) {
              return "DeleteConflictException|Cannot delete a policy attached to entities.";
            }
          }
        }
        return null;
      default:
        return null;
    }
  }

  private String invalidPrincipal(String document) {
    if (document == null) {
      return null;
    }
    String prefix = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":role/";
    Set<String> roles = new java.util.HashSet<>();
    iam.listRolesPaginator().roles().forEach(r -> roles.add(r.roleName().toLowerCase(java.util.Locale.ROOT)));
    try {
      JsonNode statements = JSON.readTree(document).path("Statement");
      for (JsonNode s : statements.isArray() ? statements : List.of(statements)) {
        JsonNode aws = s.path("Principal").path("AWS");
        for (JsonNode v : aws.isArray() ? aws : List.of(aws)) {
          String text = v.asText("");
          if (text.startsWith(prefix)
              && !roles.contains(text.substring(text.lastIndexOf('/') + 1).toLowerCase(java.util.Locale.ROOT))) {
            return "MalformedPolicyDocumentException|Invalid principal in policy: \"AWS\":\"" + text + "\"";
          }
        }
      }
    } catch (IOException e) {
      return null; // moto answers malformed JSON itself
    }
    return null;
  }

  private void reply(HttpExchange ex, String operation, String shape, String message)
      throws IOException {
    JsonNode error = model.path("shapes").path(shape).path("error");
    // IAM answers CreateRole naming a boundary it does not know yet with NoSuchEntity, which
    // the model does not list for CreateRole (it does for PutRolePermissionsBoundary)
    boolean declared = operation.equals("CreateRole") && shape.equals("NoSuchEntityException");
    for (JsonNode e : model.path("operations").path(operation).path("errors")) {
      declared |= e.path("shape").asText().equals(shape);
    }
    if (error.isMissingNode() || !declared) {
      throw new IllegalStateException(operation + " does not declare " + shape + " in botocore's model");
    }
    String xml = "<ErrorResponse xmlns=\"" + model.path("metadata").path("xmlNamespace").asText()
        + "\"><Error><Type>Sender</Type><Code>" + error.path("code").asText() + "</Code><Message>"
        + message.replace("&", "&amp;").replace("<", "&lt;").replace("\"", "&quot;")
        + "</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>";
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", "text/xml");
    ex.sendResponseHeaders(error.path("httpStatusCode").asInt(400), bytes.length);
    ex.getResponseBody().write(bytes);
    ex.close();
  }

  private void forward(HttpExchange ex, byte[] body) throws IOException {
    forward(http, moto.endpoint(), ex, body);
  }

  /** Sends the request on to {@code upstream} as it came, and its answer back as it came. */
  static void forward(HttpClient http, URI upstream, HttpExchange ex, byte[] body) throws IOException {
    HttpRequest.Builder b = HttpRequest.newBuilder(upstream.resolve(ex.getRequestURI().toString()))
        .timeout(Duration.ofSeconds(60))
        .method(ex.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(body));
    Set<String> hop = Set.of("host", "content-length", "connection", "expect", "upgrade",
        "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");
    ex.getRequestHeaders().forEach((k, vs) -> {
      if (!hop.contains(k.toLowerCase(java.util.Locale.ROOT))) {
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
    ex.getResponseHeaders().set("Content-Type",
        resp.headers().firstValue("content-type").orElse("text/xml"));
    ex.sendResponseHeaders(resp.statusCode(), resp.body().length == 0 ? -1 : resp.body().length);
    ex.getResponseBody().write(resp.body());
    ex.close();
  }

  static Map<String, String> form(byte[] body) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return out;
  }

  private static String describe(String action, Map<String, String> form) {
    List<String> parts = new ArrayList<>(List.of(action));
    for (String key : List.of("RoleName", "PolicyName", "PolicyArn", "UserName",
        "InstanceProfileName")) {
      if (form.containsKey(key)) {
        parts.add(key + "=" + form.get(key));
      }
    }
    List<String> filter = new ArrayList<>();
    for (int i = 1; form.containsKey("Filter.member." + i); i++) {
      filter.add(form.get("Filter.member." + i));
    }
    if (!filter.isEmpty()) {
      parts.add("Filter=" + String.join(",", filter));
    }
    return String.join(" ", parts);
  }

  @Override
  public void close() {
    server.stop(0);
    iam.close();
  }
}

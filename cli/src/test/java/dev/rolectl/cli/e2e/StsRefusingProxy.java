package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * A loopback STS endpoint in front of moto that refuses {@code AssumeRole} into chosen accounts,
 * as STS does when the role's trust policy does not admit the caller (moto 5.2.5 lets anyone
 * assume any role ARN, even of an account that does not exist: checked). The refusal is STS's
 * Query-protocol error, {@code AccessDenied} with HTTP 403 (a common error, not one of
 * AssumeRole's modelled errors); the protocol and XML namespace are read from botocore's {@code
 * sts/2011-06-15/service-2.json} in the moto virtualenv, which must declare AssumeRole. Every
 * other request goes to moto untouched. It records the AssumeRole requests and how many were in
 * flight at once (each may be held for a while).
 */
final class StsRefusingProxy implements AutoCloseable {
  private final Moto moto;
  private final Set<String> refused;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final String namespace;
  private final java.util.List<Map<String, String>> assumed =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private final java.util.concurrent.atomic.AtomicInteger inFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private final java.util.concurrent.atomic.AtomicInteger maxInFlight =
      new java.util.concurrent.atomic.AtomicInteger();
  private volatile long delayMillis;

  StsRefusingProxy(Moto moto, Set<String> refusedAccounts) throws IOException {
    JsonNode model = IamRulesProxy.model("sts/2011-06-15");
    if (!model.path("metadata").path("protocol").asText().equals("query")
        || model.path("operations").path("AssumeRole").isMissingNode()) {
      throw new IllegalStateException("botocore's STS model is not the Query protocol with AssumeRole");
    }
    this.namespace = model.path("metadata").path("xmlNamespace").asText();
    this.moto = moto;
    this.refused = Set.copyOf(refusedAccounts);
    this.server = IamRulesProxy.loopback("sts-refusing-proxy", this::handle);
  }

  /** The AssumeRole requests so far (their form fields), refused ones included. */
  java.util.List<Map<String, String>> assumed() {
    return java.util.List.copyOf(assumed);
  }

  /** The most AssumeRole requests in flight at once since the last {@link #delay}. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Holds each AssumeRole this long before answering (to see how many run at once). */
  void delay(long millis) {
    delayMillis = millis;
    maxInFlight.set(0);
    assumed.clear();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    Map<String, String> form = IamRulesProxy.form(body);
    String arn = form.getOrDefault("RoleArn", "");
    String[] parts = arn.split(":");
    if ("AssumeRole".equals(form.get("Action"))) {
      assumed.add(form);
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      try {
        Thread.sleep(delayMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        inFlight.decrementAndGet();
      }
    }
    if ("AssumeRole".equals(form.get("Action")) && parts.length > 4 && refused.contains(parts[4])) {
      String xml = "<ErrorResponse xmlns=\"" + namespace + "\"><Error><Type>Sender</Type>"
          + "<Code>AccessDenied</Code><Message>User: arn:aws:iam::" + Moto.ACCOUNT_ID
          + ":user/moto is not authorized to perform: sts:AssumeRole on resource: " + arn
          + "</Message></Error><RequestId>00000000-0000-0000-0000-000000000000</RequestId>"
          + "</ErrorResponse>";
      byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
      ex.getResponseHeaders().set("Content-Type", "text/xml");
      ex.sendResponseHeaders(403, bytes.length);
      ex.getResponseBody().write(bytes);
      ex.close();
      return;
    }
    IamRulesProxy.forward(http, moto.endpoint(), ex, body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

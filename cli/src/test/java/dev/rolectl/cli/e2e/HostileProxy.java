package dev.rolectl.cli.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * A loopback endpoint in front of moto that answers chosen calls as no AWS endpoint would (an
 * endless pagination marker, a missing result element, an HTML page, an empty body, broken XML)
 * and forwards everything else: it stands in for a misconfigured proxy or a hostile endpoint
 * (AWS_ENDPOINT_URL pointing somewhere else). Calls are chosen by action: the Query protocol's
 * {@code Action} (IAM, EC2) or the JSON protocol's {@code X-Amz-Target} operation (ECS,
 * Organizations).
 */
final class HostileProxy implements AutoCloseable {
  /** An answer: HTTP status, content type, body; {@code delayMillis} before it is sent. */
  record Answer(int status, String type, String body, long delayMillis) {
    static Answer xml(String body) {
      return new Answer(200, "text/xml", body, 0);
    }

    static Answer json(String body) {
      return new Answer(200, "application/x-amz-json-1.1", body, 0);
    }
  }

  private final Moto moto;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final Map<String, IntFunction<Answer>> answers = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

  HostileProxy(Moto moto) throws IOException {
    this.moto = moto;
    this.server = IamRulesProxy.loopback("hostile-proxy", this::handle);
  }

  /** Answers the n-th call (from 1) of {@code action} with what {@code answer} gives. */
  HostileProxy answer(String action, IntFunction<Answer> answer) {
    answers.put(action, answer);
    return this;
  }

  /** How many calls of {@code action} came. */
  int count(String action) {
    return counts.getOrDefault(action, new AtomicInteger()).get();
  }

  /** moto's environment with this endpoint for every service. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    return env;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
    String action = target != null ? target.substring(target.indexOf('.') + 1)
        : IamRulesProxy.form(body).getOrDefault("Action", "?");
    int n = counts.computeIfAbsent(action, k -> new AtomicInteger()).incrementAndGet();
    IntFunction<Answer> chosen = answers.get(action);
    Answer a = chosen == null ? null : chosen.apply(n);
    if (a == null) {
      IamRulesProxy.forward(http, moto.endpoint(), ex, body);
      return;
    }
    if (a.delayMillis() > 0) {
      try {
        Thread.sleep(a.delayMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    byte[] out = a.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", a.type());
    ex.sendResponseHeaders(a.status(), out.length == 0 ? -1 : out.length);
    if (out.length > 0) {
      ex.getResponseBody().write(out);
    }
    ex.close();
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

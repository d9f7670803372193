package dev.rolectl.cli.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback endpoint in front of moto that holds every request whose body contains a given text
 * (an IAM action: {@code Action=CreateRole}) until the test {@link #open()}s the gate, and
 * forwards everything else at once: a child CLI then stays in one phase (reading live IAM while it
 * plans, a change in flight) for as long as the test needs, however fast or slow the machine. A
 * held request is forwarded when the gate opens, even if its caller is gone by then, as a request
 * that reached AWS before its caller was killed would still be carried out.
 */
final class GateProxy implements AutoCloseable {
  private final URI upstream;
  private final String heldWhen;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final CountDownLatch arrived = new CountDownLatch(1);
  private final CountDownLatch opened = new CountDownLatch(1);
  private final AtomicInteger held = new AtomicInteger();

  /** Holds the requests whose (form-encoded) body contains {@code heldWhen}. */
  GateProxy(URI upstream, String heldWhen) throws IOException {
    this.upstream = upstream;
    this.heldWhen = heldWhen;
    this.server = IamRulesProxy.loopback("gate-proxy", this::handle);
  }

  /** moto's environment for a child CLI, with this endpoint for every service. */
  Map<String, String> env(Moto moto) {
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + server.getAddress().getPort());
    return env;
  }

  /** Waits until a request is held at the gate. */
  boolean awaitHeld(Duration timeout) throws InterruptedException {
    return arrived.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** How many requests were held so far. */
  int held() {
    return held.get();
  }

  /** Lets the held requests (and every later one) through. */
  void open() {
    opened.countDown();
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    if (opened.getCount() > 0 && new String(body, StandardCharsets.UTF_8).contains(heldWhen)) {
      held.incrementAndGet();
      arrived.countDown();
      try {
        opened.await(10, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    try {
      IamRulesProxy.forward(http, upstream, ex, body);
    } catch (IOException e) {
      ex.close(); // the caller is gone: the request was carried out all the same
    }
  }

  @Override
  public void close() {
    open();
    server.stop(0);
  }
}

package dev.rolectl.cli.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;

/**
 * For benchmarks: a loopback endpoint in front of moto that holds every request {@code millis}
 * before forwarding it, as a network round trip to AWS would; requests are held concurrently.
 */
final class LatencyProxy implements AutoCloseable {
  private final Moto moto;
  private final long millis;
  private final HttpServer server;
  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  LatencyProxy(Moto moto, long millis) throws IOException {
    this.moto = moto;
    this.millis = millis;
    this.server = IamRulesProxy.loopback("latency-proxy", this::handle);
  }

  /** moto's environment with this endpoint for every service. */
  Map<String, String> env() {
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL", URI.create("http://127.0.0.1:" + server.getAddress().getPort()).toString());
    return env;
  }

  private void handle(HttpExchange ex) throws IOException {
    byte[] body = ex.getRequestBody().readAllBytes();
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    IamRulesProxy.forward(http, moto.endpoint(), ex, body);
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

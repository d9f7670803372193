package dev.rolectl.cli.training;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The proxy selector of a training run: a connection that {@code HttpURLConnection} (the SDK's
 * url-connection HTTP client, and the SDK's instance-metadata client) opens to a loopback address
 * goes direct; one to any other host goes to the training endpoint as its proxy, which answers
 * 502 and never forwards. So a training run cannot reach AWS or any other network host through
 * those clients, even if a setting it did not foresee (a profile, a system property) named one;
 * {@link #refused()} lists such attempts, and the run reports them.
 */
final class LoopbackOnly extends ProxySelector {
  private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

  private final Proxy endpoint;
  private final List<URI> refused = new ArrayList<>();

  LoopbackOnly(InetSocketAddress endpoint) {
    this.endpoint = new Proxy(Proxy.Type.HTTP, endpoint);
  }

  @Override
  public List<Proxy> select(URI uri) {
    String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
    if (LOOPBACK.contains(host)) {
      return List.of(Proxy.NO_PROXY);
    }
    synchronized (this) {
      refused.add(uri);
    }
    return List.of(endpoint);
  }

  @Override
  public void connectFailed(URI uri, SocketAddress address, IOException e) {
    // nothing to learn: the next connection asks select() again
  }

  /** URIs of other hosts that a client asked to connect to (each sent to the endpoint). */
  synchronized List<URI> refused() {
    return List.copyOf(refused);
  }
}

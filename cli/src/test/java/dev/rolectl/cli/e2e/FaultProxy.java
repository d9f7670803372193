package dev.rolectl.cli.e2e;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A loopback HTTP/1.1 proxy in front of moto that misbehaves like a busy AWS: of the IAM requests
 * (SigV4 scope {@code /iam/}), a share is answered {@code 400 Throttling} without being forwarded,
 * a share is forwarded and then answered {@code 500 ServiceFailure} (the change was made, the
 * response is lost), and a share of connections is reset (RST), half before and half after
 * forwarding. Faults are drawn from a seeded {@link Random}; the same request body is never
 * faulted more than {@link #MAX_FAULTS_IN_A_ROW} times running, so the SDK's retries always get
 * through. Other requests (STS, moto's API) pass untouched.
 */
final class FaultProxy implements AutoCloseable {
  static final int MAX_FAULTS_IN_A_ROW = 2;
  private static final Set<String> HOP_HEADERS =
      Set.of("host", "content-length", "connection", "expect", "upgrade", "keep-alive",
          "transfer-encoding", "te", "trailer", "proxy-connection");

  private final URI upstream;
  private final double throttleRate;
  private final double serverErrorRate;
  private final double resetRate;
  private final Random random;
  private final ServerSocket server;
  private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-proxy");
    t.setDaemon(true);
    return t;
  });
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<Integer, Integer> faultsInARow = new ConcurrentHashMap<>();
  final AtomicLong forwarded = new AtomicLong();
  final AtomicLong throttled = new AtomicLong();
  final AtomicLong serverErrors = new AtomicLong();
  final AtomicLong resets = new AtomicLong();
  final AtomicLong iamRequests = new AtomicLong();
  /** Body fragments whose first matching request is forwarded, then answered 500 (once each). */
  private final Set<String> loseFirstAnswer = ConcurrentHashMap.newKeySet();

  /**
   * The first IAM request whose form body contains {@code fragment} is forwarded (moto makes the
   * change) and then answered {@code 500 ServiceFailure}, as when AWS's answer is lost.
   */
  FaultProxy loseFirstAnswerTo(String fragment) {
    loseFirstAnswer.add(fragment);
    return this;
  }

  FaultProxy(URI upstream, long seed, double throttleRate, double serverErrorRate, double resetRate)
      throws IOException {
    this.upstream = upstream;
    this.throttleRate = throttleRate;
    this.serverErrorRate = serverErrorRate;
    this.resetRate = resetRate;
    this.random = new Random(seed);
    this.server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
    pool.execute(this::acceptLoop);
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getLocalPort());
  }

  String stats() {
    return "iamRequests=" + iamRequests + " forwarded=" + forwarded + " throttled=" + throttled
        + " serverErrors=" + serverErrors + " resets=" + resets;
  }

  private void acceptLoop() {
    while (!server.isClosed()) {
      try {
        Socket s = server.accept();
        pool.execute(() -> serve(s));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private enum Fault { NONE, THROTTLE, SERVER_ERROR, RESET_BEFORE, RESET_AFTER }

  private void serve(Socket socket) {
    try (socket) {
      InputStream in = new java.io.BufferedInputStream(socket.getInputStream());
      OutputStream out = socket.getOutputStream();
      while (true) {
        Request req = Request.read(in);
        if (req == null) {
          return;
        }
        Fault fault = decide(req);
        if (fault == Fault.RESET_BEFORE) {
          reset(socket);
          return;
        }
        if (fault == Fault.THROTTLE) {
          throttled.incrementAndGet();
          write(out, 400, error("Sender", "Throttling", "Rate exceeded"));
          continue;
        }
        HttpResponse<byte[]> resp = forward(req);
        forwarded.incrementAndGet();
        if (fault == Fault.RESET_AFTER) {
          reset(socket);
          return;
        }
        if (fault == Fault.SERVER_ERROR) {
          serverErrors.incrementAndGet();
          write(out, 500, error("Receiver", "ServiceFailure", "Internal failure (injected)"));
          continue;
        }
        String type = resp.headers().firstValue("content-type").orElse("text/xml");
        writeRaw(out, resp.statusCode(), type, resp.body());
      }
    } catch (IOException | InterruptedException e) {
      // client went away, or the proxy is closing
    }
  }

  private Fault decide(Request req) {
    String auth = req.headers.getOrDefault("authorization", "");
    if (!auth.contains("/iam/aws4_request")) {
      return Fault.NONE;
    }
    iamRequests.incrementAndGet();
    String form = new String(req.body, StandardCharsets.UTF_8);
    for (String fragment : loseFirstAnswer) {
      if (form.contains(fragment) && loseFirstAnswer.remove(fragment)) {
        return Fault.SERVER_ERROR;
      }
    }
    int key = Arrays.hashCode(req.body);
    double r;
    synchronized (random) {
      r = random.nextDouble();
    }
    Fault f;
    if (r < resetRate) {
      f = r < resetRate / 2 ? Fault.RESET_BEFORE : Fault.RESET_AFTER;
    } else if (r < resetRate + throttleRate) {
      f = Fault.THROTTLE;
    } else if (r < resetRate + throttleRate + serverErrorRate) {
      f = Fault.SERVER_ERROR;
    } else {
      f = Fault.NONE;
    }
    if (f == Fault.NONE) {
      faultsInARow.remove(key);
      return f;
    }
    int n = faultsInARow.merge(key, 1, Integer::sum);
    if (n > MAX_FAULTS_IN_A_ROW) {
      faultsInARow.remove(key);
      return Fault.NONE;
    }
    return f;
  }

  private void reset(Socket socket) throws SocketException {
    resets.incrementAndGet();
    socket.setSoLinger(true, 0);
  }

  private HttpResponse<byte[]> forward(Request req) throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(upstream.resolve(req.target))
            .timeout(Duration.ofSeconds(60))
            .method(req.method, HttpRequest.BodyPublishers.ofByteArray(req.body));
    req.headers.forEach((k, v) -> {
      if (!HOP_HEADERS.contains(k)) {
        b.header(k, v);
      }
    });
    return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private static byte[] error(String type, String code, String message) {
    return ("<ErrorResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>" + type
            + "</Type><Code>" + code + "</Code><Message>" + message + "</Message></Error>"
            + "<RequestId>00000000-0000-0000-0000-000000000000</RequestId></ErrorResponse>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void write(OutputStream out, int status, byte[] body) throws IOException {
    writeRaw(out, status, "text/xml", body);
  }

  private static void writeRaw(OutputStream out, int status, String type, byte[] body) throws IOException {
    String head = "HTTP/1.1 " + status + " " + (status == 200 ? "OK" : "Error") + "\r\n"
        + "Content-Type: " + type + "\r\nContent-Length: " + body.length + "\r\n\r\n";
    out.write(head.getBytes(StandardCharsets.ISO_8859_1));
    out.write(body);
    out.flush();
  }

  @Override
  public void close() throws IOException {
    server.close();
    pool.shutdownNow();
  }

  /** One HTTP/1.1 request with a Content-Length body (what the SDK sends to IAM and STS). */
  private record Request(String method, String target, Map<String, String> headers, byte[] body) {
    static Request read(InputStream in) throws IOException {
      String line = readLine(in);
      while (line != null && line.isEmpty()) {
        line = readLine(in);
      }
      if (line == null) {
        return null;
      }
      String[] parts = line.split(" ", 3);
      Map<String, String> headers = new LinkedHashMap<>();
      for (String h = readLine(in); h != null && !h.isEmpty(); h = readLine(in)) {
        int colon = h.indexOf(':');
        if (colon > 0) {
          headers.put(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim());
        }
      }
      if (headers.containsKey("transfer-encoding")) {
        throw new IOException("chunked requests are not supported by this test proxy");
      }
      int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
      byte[] body = in.readNBytes(length);
      if (body.length < length) {
        return null;
      }
      return new Request(parts[0], parts.length > 1 ? parts[1] : "/", headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
      ByteArrayOutputStream b = new ByteArrayOutputStream();
      int c;
      while ((c = in.read()) != -1) {
        if (c == '\n') {
          String s = b.toString(StandardCharsets.ISO_8859_1);
          return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        }
        b.write(c);
      }
      return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }
  }
}

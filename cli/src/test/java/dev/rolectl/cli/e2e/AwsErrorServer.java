package dev.rolectl.cli.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * A loopback stand-in for STS where moto cannot help (moto accepts any credentials): it answers
 * every request with an error chosen by the request's access key id, in the Query protocol's
 * error format ({@code <ErrorResponse><Error><Type/><Code/><Message/></Error>}), taking the
 * protocol, XML namespace and the expired-token error's code and HTTP status from botocore's STS
 * model in the moto virtualenv at test time. Key ids: {@code INVALID} -> {@code
 * InvalidClientTokenId} (HTTP 403, a common error of every Query API), {@code EXPIRED} -> the
 * model's expired-token error, {@code SIGNATURE} -> {@code SignatureDoesNotMatch} (403),
 * anything else -> an HTML page with HTTP 404 (a proxy or a wrong URL, not AWS).
 */
final class AwsErrorServer implements AutoCloseable {
  private final HttpServer server;
  private final JsonNode sts;

  AwsErrorServer() throws IOException {
    this.sts = stsModel();
    String protocol = sts.path("metadata").path("protocol").asText();
    if (!protocol.equals("query")) {
      throw new IllegalStateException("STS's model says protocol " + protocol + ", not query");
    }
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** The expired-token error as the model defines it: its code. */
  String expiredCode() {
    return expired().path("error").path("code").asText();
  }

  private JsonNode expired() {
    JsonNode shape = sts.path("shapes").path("ExpiredTokenException");
    if (shape.isMissingNode()) {
      throw new IllegalStateException("STS's model has no ExpiredTokenException shape");
    }
    return shape;
  }

  private void answer(HttpExchange x) throws IOException {
    x.getRequestBody().readAllBytes();
    String auth = String.valueOf(x.getRequestHeaders().getFirst("Authorization"));
    String key = auth.replaceAll(".*Credential=([^/]+)/.*", "$1");
    switch (key) {
      case "INVALID" -> error(x, 403, "InvalidClientTokenId",
          "The security token included in the request is invalid.");
      case "SIGNATURE" -> error(x, 403, "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided.");
      case "EXPIRED" -> error(x, expired().path("error").path("httpStatusCode").asInt(400),
          expiredCode(), "The security token included in the request is expired");
      default -> send(x, 404, "text/html", "<html><body><h1>404 Not Found</h1></body></html>");
    }
  }

  private void error(HttpExchange x, int status, String code, String message) throws IOException {
    String ns = sts.path("metadata").path("xmlNamespace").asText();
    send(x, status, "text/xml",
        "<ErrorResponse xmlns=\"" + ns + "\"><Error><Type>Sender</Type><Code>" + code + "</Code>"
            + "<Message>" + message + "</Message></Error><RequestId>00000000-0000-0000-0000-"
            + "000000000000</RequestId></ErrorResponse>");
  }

  private static void send(HttpExchange x, int status, String type, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    x.getResponseHeaders().set("Content-Type", type);
    x.sendResponseHeaders(status, bytes.length);
    x.getResponseBody().write(bytes);
    x.close();
  }

  /** botocore's STS model ({@code data/sts/VERSION/service-2.json}) in the moto virtualenv. */
  static JsonNode stsModel() throws IOException {
    MotoInstall.ensureInstalled();
    Path lib = MotoInstall.venv().resolve("lib");
    try (Stream<Path> s = Files.find(lib, 8,
        (p, a) -> p.toString().matches(".*botocore/data/sts/2011-06-15/service-2\\.json(\\.gz)?"))) {
      List<Path> found = s.toList();
      if (found.isEmpty()) {
        throw new IllegalStateException("no botocore STS model under " + lib);
      }
      Path model = found.get(0);
      try (java.io.InputStream in = Files.newInputStream(model)) {
        return new ObjectMapper().readTree(
            model.toString().endsWith(".gz") ? new java.util.zip.GZIPInputStream(in) : in);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}

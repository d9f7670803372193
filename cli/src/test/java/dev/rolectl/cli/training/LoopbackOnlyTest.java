package dev.rolectl.cli.training;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The training's network guard with its endpoint: a connection to another host goes to the
 * endpoint as a proxy, which refuses it (and nothing is resolved or forwarded); loopback goes
 * direct. Uses the selector directly: the JVM's default selector is left alone.
 */
class LoopbackOnlyTest {

  @Test
  void otherHostsReachOnlyTheEndpointWhichRefusesThem() throws Exception {
    try (TrainingEndpoint endpoint = TrainingEndpoint.start()) {
      LoopbackOnly guard = new LoopbackOnly(endpoint.address());
      URI aws = URI.create("http://iam.amazonaws.com/");
      List<Proxy> proxies = guard.select(aws);
      assertEquals(1, proxies.size());
      assertEquals(endpoint.address(), proxies.get(0).address());
      assertEquals(List.of(aws), guard.refused());

      HttpURLConnection c = (HttpURLConnection) aws.toURL().openConnection(proxies.get(0));
      c.setConnectTimeout(10_000);
      c.setReadTimeout(10_000);
      assertEquals(502, c.getResponseCode());
      try (InputStream err = c.getErrorStream()) {
        assertTrue(new String(err.readAllBytes(), StandardCharsets.UTF_8).contains("no network access"));
      }
      assertEquals(List.of("GET http://iam.amazonaws.com/"), endpoint.outside());
      assertEquals(List.of(), endpoint.calls());

      assertEquals(List.of(Proxy.NO_PROXY), guard.select(endpoint.uri()));
      assertEquals(List.of(Proxy.NO_PROXY), guard.select(URI.create("http://localhost:8080/")));
      assertEquals(1, guard.refused().size(), "loopback is not refused");
    }
  }

  @Test
  void endpointAnswersQueryAndJsonCallsFromItsFilesOrWithAnEmptyResult() throws Exception {
    try (TrainingEndpoint endpoint = TrainingEndpoint.start()) {
      String policy = post(endpoint, "iam", null,
          "Action=CreatePolicy&Version=2010-05-08&PolicyName=a%26b&Path=%2Fteam%2F");
      assertTrue(policy.contains("<Arn>arn:aws:iam::123456789012:policy/team/a&amp;b</Arn>"), policy);
      String delete = post(endpoint, "iam", null, "Action=DeleteRole&Version=2010-05-08&RoleName=x");
      assertEquals("<DeleteRoleResponse xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><DeleteRoleResult/>"
          + "<ResponseMetadata><RequestId>rolectl-training</RequestId></ResponseMetadata></DeleteRoleResponse>", delete);
      assertTrue(post(endpoint, "ecs", "AmazonEC2ContainerServiceV20141113.ListClusters", "{}")
          .contains("cluster/training"));
      assertEquals("{}", post(endpoint, "ecs", "AmazonEC2ContainerServiceV20141113.ListDaemons", "{}"));
      assertEquals(List.of("iam:CreatePolicy", "iam:DeleteRole", "ecs:ListClusters", "ecs:ListDaemons"),
          endpoint.calls());
    }
  }

  private static String post(TrainingEndpoint endpoint, String service, String target, String body)
      throws Exception {
    HttpURLConnection c = (HttpURLConnection) endpoint.uri().toURL().openConnection(Proxy.NO_PROXY);
    c.setRequestMethod("POST");
    c.setDoOutput(true);
    c.setRequestProperty("Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20260101/us-east-1/" + service + "/aws4_request, "
            + "SignedHeaders=host, Signature=0");
    if (target != null) {
      c.setRequestProperty("X-Amz-Target", target);
    }
    c.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    assertEquals(200, c.getResponseCode());
    try (InputStream in = c.getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}

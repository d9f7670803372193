package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.rolectl.cli.CliRun;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every wait visible and bounded, every failure named, with the real CLI as a child process: an
 * endpoint that accepts connections and never answers (a loopback socket), moto stopped in the
 * middle of an apply, SIGINT during an apply, and credential errors answered by a loopback
 * stand-in for STS ({@link AwsErrorServer}).
 */
@Tag("e2e")
class EndpointFailuresE2E {

  @TempDir Path dir;

  @Test
  void anEndpointThatNeverAnswersFailsWithinTheTimeoutNamingIt() throws Exception {
    try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
      List<Socket> held = new ArrayList<>();
      Thread acceptor = new Thread(() -> {
        try {
          while (true) {
            held.add(silent.accept()); // accepted, never read, never answered
          }
        } catch (java.io.IOException closed) {
          // the test is over
        }
      });
      acceptor.setDaemon(true);
      acceptor.start();
      String endpoint = "http://127.0.0.1:" + silent.getLocalPort();
      long start = System.nanoTime();
      CliRun r = RolectlProcess.run(dir, awsEnv(endpoint, "AKIDEXAMPLE"),
          "plan", example(), "--target", "aws", "--timeout", "3s");
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      assertEquals(1, r.exitCode(), r.toString());
      assertTrue(r.err().contains("no answer from " + endpoint + " in time"), r.err());
      assertTrue(r.err().contains("--timeout"), r.err());
      assertFalse(r.err().contains("Exception"), r.err());
      // 3 s for the call plus a JVM start; far from the 6 min it took before
      assertTrue(took.compareTo(Duration.ofSeconds(40)) < 0, "took " + took);
      for (Socket s : held) {
        s.close();
      }
    }
  }

  @Test
  void motoStoppedMidApplyStopsNewChangesAndSaysSoOnce() throws Exception {
    Path stack = StackFiles.roles(dir, "dead", "dead", 40);
    MotoProcess moto = MotoProcess.start(Map.of("MOTO_IAM_LOAD_MANAGED_POLICIES", "true"));
    boolean stopped = false;
    try {
      Map<String, String> env = moto.handle().env();
      ChildCli apply = ChildCli.start(env, line -> line.contains("\"change_finished\""),
          "apply", stack.toString(), "--target", "aws", "--auto-approve", "--format", "json",
          "--parallelism", "2", "--timeout", "20s");
      assertTrue(apply.awaitSignal(Duration.ofSeconds(120)), apply::output);
      moto.close(); // the endpoint dies mid-apply
      stopped = true;
      long killed = System.nanoTime();
      int exit = apply.waitFor(Duration.ofSeconds(120));
      Duration after = Duration.ofNanos(System.nanoTime() - killed);
      List<JsonNode> lines = apply.jsonLines();
      assertEquals(1, exit, apply::output);
      assertEquals(1, lines.stream().filter(n -> n.path("type").asText().equals("stopping")).count(),
          apply::output);
      String reason = lines.stream().filter(n -> n.path("type").asText().equals("stopping"))
          .findFirst().orElseThrow().path("reason").asText();
      assertTrue(reason.startsWith("the endpoint is unreachable"), reason);
      assertTrue(reason.contains("cannot connect to " + moto.handle().endpoint()), reason);
      long failed = lines.stream().filter(n -> n.path("outcome").asText().equals("failed")).count();
      assertTrue(failed >= 3 && failed <= 3 + 2, "failed changes: " + failed + "\n" + apply.output());
      JsonNode summary = lines.get(lines.size() - 2);
      assertEquals("summary", summary.path("type").asText());
      assertEquals("stopped", summary.path("outcome").asText());
      // the lock cannot be released with the endpoint gone: said last, with its ARN
      JsonNode release = lines.get(lines.size() - 1);
      assertEquals("error", release.path("level").asText(), apply::output);
      assertTrue(release.path("message").asText().matches("(?s)could not release the apply lock of"
          + " stack dead: DeletePolicy arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/rolectl-lock/"
          + "[0-9a-f-]{36}/rolectl-lock\\.dead failed .*aws iam delete-policy --policy-arn .*"),
          apply::output);
      long notStarted = 0;
      for (JsonNode o : summary.path("outcomes")) {
        notStarted += o.path("status").asText().equals("not-started") ? 1 : 0;
      }
      assertTrue(notStarted > 20, "not started: " + notStarted);
      assertTrue(after.compareTo(Duration.ofSeconds(60)) < 0, "took " + after + " after moto died");
    } finally {
      if (!stopped) {
        moto.close();
      }
    }
  }

  @Test
  void ctrlCLetsChangesInFlightFinishPrintsTheSummaryAndExits130ThenARerunConverges()
      throws Exception {
    Path account = dir.resolve("account.json");
    Path stack = StackFiles.roles(dir, "intr", "intr", 40);
    ChildCli apply = ChildCli.start(Map.of(), line -> line.contains("\"change_finished\""),
        "apply", stack.toString(), "--target", "local:" + account, "--auto-approve",
        "--format", "json", "--parallelism", "1");
    assertTrue(apply.awaitSignal(Duration.ofSeconds(120)), apply::output);
    apply.signal("INT");
    int exit = apply.waitFor(Duration.ofSeconds(120));
    List<JsonNode> lines = apply.jsonLines();
    assertEquals(130, exit, apply::output);
    assertTrue(lines.stream().anyMatch(n -> n.path("message").asText().startsWith("Interrupted:")),
        apply::output);
    JsonNode summary = lines.get(lines.size() - 1);
    assertEquals("summary", summary.path("type").asText(), apply::output);
    assertEquals("stopped", summary.path("outcome").asText());
    assertEquals("interrupted (Ctrl-C)", summary.path("stop_reason").asText());
    long done = 0;
    long notStarted = 0;
    for (JsonNode o : summary.path("outcomes")) {
      done += o.path("status").asText().equals("done") ? 1 : 0;
      notStarted += o.path("status").asText().equals("not-started") ? 1 : 0;
    }
    assertTrue(done >= 1 && notStarted >= 1, "done " + done + ", not started " + notStarted);
    assertEquals(0, summary.path("outcomes").findValues("status").stream()
        .filter(s -> s.asText().equals("failed")).count(), "an in-flight change was cut");

    CliRun again = RolectlProcess.run(dir, Map.of(), "apply", stack.toString(), "--target",
        "local:" + account, "--auto-approve");
    assertEquals(0, again.exitCode(), again.toString());
    CliRun plan = RolectlProcess.run(dir, Map.of(), "plan", stack.toString(), "--target",
        "local:" + account, "--detailed-exitcode");
    assertEquals(0, plan.exitCode(), plan.toString());
  }

  @Test
  void credentialErrorsNameTheRealCause() throws Exception {
    try (AwsErrorServer sts = new AwsErrorServer()) {
      String endpoint = sts.endpoint().toString();
      CliRun invalid = RolectlProcess.run(dir, awsEnv(endpoint, "INVALID"), "plan", example());
      assertEquals(1, invalid.exitCode(), invalid.toString());
      assertTrue(invalid.err().contains("(InvalidClientTokenId: "), invalid.err());
      assertTrue(invalid.err().contains("the access key id is not valid"), invalid.err());
      assertFalse(invalid.err().contains("needs sts:GetCallerIdentity"), "not a permissions problem: " + invalid.err());

      CliRun signature = RolectlProcess.run(dir, awsEnv(endpoint, "SIGNATURE"), "plan", example());
      assertTrue(signature.err().contains("the secret access key does not belong to the access key id"),
          signature.err());

      CliRun expired = RolectlProcess.run(dir, awsEnv(endpoint, "EXPIRED"), "plan", example());
      assertTrue(expired.err().contains("(" + sts.expiredCode() + ": "), expired.err());
      assertTrue(expired.err().contains("the session credentials have expired"), expired.err());

      CliRun notAws = RolectlProcess.run(dir, awsEnv(endpoint, "AKIDEXAMPLE"), "plan", example());
      assertEquals(1, notAws.exitCode(), notAws.toString());
      assertTrue(notAws.err().contains(endpoint + " answered HTTP 404 with something that is not an"
          + " AWS API answer"), notAws.err());
      assertFalse(notAws.err().contains("null: null"), notAws.err());
    }
    Path config = Files.writeString(dir.resolve("config"), "[profile dev]\nregion = eu-west-1\n");
    Map<String, String> env = Map.of("AWS_CONFIG_FILE", config.toString(),
        "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("none").toString());
    CliRun profile = RolectlProcess.run(dir, env, "plan", example(), "--profile", "prod");
    assertEquals(1, profile.exitCode(), profile.toString());
    assertTrue(profile.err().contains("no AWS profile named 'prod' (--profile)"), profile.err());
    assertTrue(profile.err().contains("profiles there: dev"), profile.err());
  }

  private static String example() {
    return dev.rolectl.cli.RepoFiles.root().resolve("examples/ecs-blue-green/stack.yaml").toString();
  }

  private static Map<String, String> awsEnv(String endpoint, String keyId) {
    Map<String, String> env = new HashMap<>();
    env.put("AWS_ENDPOINT_URL", endpoint);
    env.put("AWS_ACCESS_KEY_ID", keyId);
    env.put("AWS_SECRET_ACCESS_KEY", "secret");
    env.put("AWS_REGION", "us-east-1");
    env.put("AWS_EC2_METADATA_DISABLED", "true");
    return env;
  }

}

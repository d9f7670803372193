package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer.Fault;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/**
 * Incident response while ECS cannot be read (the loopback {@link EcsApiServer} answers every
 * {@code ListClusters} with a bare 503, standing in for an ECS endpoint that is down; IAM, STS and
 * EC2 are moto): a role of the stack whose trust was set by hand to {@code {"AWS": "*"}}, with
 * {@code AdministratorAccess} attached by hand. {@code AWS: *} lets ECS assume the role, so the
 * fix (the stack's trust back, the attachment removed) is blocked, fail closed, by the ECS rules.
 * {@code apply --break-glass REASON} makes it, says so loudly, and records the reason in the JSON
 * output, in the user agent of its AWS calls and in the role session name where it assumes a
 * role; a protected role stays protected all the same.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class BreakGlassE2E {
  static final String STACK = "ops";
  static final String ROLE = "app-runner";
  static final String ADMIN = "arn:aws:iam::aws:policy/AdministratorAccess";
  static final String REASON = "INC-4211 revoke AWS:* trust and admin on app-runner";
  static final ObjectMapper JSON = new ObjectMapper();

  static EcsApiServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server = new EcsApiServer(MotoInstall.venv());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private Path stack(String extraRoles) throws Exception {
    Path p = dir.resolve("ops-" + extraRoles.length() + ".yaml");
    Files.writeString(p, "apiVersion: rolectl/v1\nstack: " + STACK + "\nroles:\n  " + ROLE
        + ":\n    trustPolicy:\n      Version: \"2012-10-17\"\n      Statement:\n"
        + "        - Effect: Allow\n          Principal: {Service: lambda.amazonaws.com}\n"
        + "          Action: sts:AssumeRole\n" + extraRoles);
    return p;
  }

  /** The role as the responders find it: trust AWS:*, AdministratorAccess, both set by hand. */
  private static void drift(Moto moto) {
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName(ROLE).assumeRolePolicyDocument("{\"Version\": \"2012-10-17\","
          + " \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"*\"}, \"Action\":"
          + " \"sts:AssumeRole\"}]}").tags(t -> t.key("rolectl:stack").value(STACK)));
      iam.attachRolePolicy(r -> r.roleName(ROLE).policyArn(ADMIN));
    }
  }

  private static Map<String, String> env(Moto moto) {
    Map<String, String> env = new HashMap<>(moto.env());
    env.put("AWS_ENDPOINT_URL_ECS", server.endpoint().toString());
    env.put("AWS_MAX_ATTEMPTS", "1");
    return env;
  }

  private static String trust(Moto moto) {
    try (IamClient iam = moto.iam()) {
      return URLDecoder.decode(iam.getRole(r -> r.roleName(ROLE)).role().assumeRolePolicyDocument(),
          StandardCharsets.UTF_8);
    }
  }

  private static List<String> attached(Moto moto, String role) {
    try (IamClient iam = moto.iam()) {
      return iam.listAttachedRolePolicies(r -> r.roleName(role)).attachedPolicies().stream()
          .map(AttachedPolicy::policyArn).toList();
    }
  }

  @Test
  void theDriftFixGoesThroughWithBreakGlassWhileEcsCannotBeRead(Moto moto) throws Exception {
    server.reset();
    server.fail(new Fault("ListClusters", null, 503, null));
    drift(moto);
    String fix = stack("").toString();

    TestCli.Run plan = TestCli.run(env(moto), "plan", fix, "--target", "aws");
    assertEquals(3, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("[ecs-trust-drops-ecs]") && plan.out().contains("fail closed"),
        plan::toString);
    TestCli.Run refused = TestCli.run(env(moto), "apply", fix, "--target", "aws", "--auto-approve");
    assertEquals(3, refused.exit(), refused::toString);
    assertEquals(List.of(ADMIN), attached(moto, ROLE), "nothing changed without break glass");

    server.reset();
    server.fail(new Fault("ListClusters", null, 503, null));
    TestCli.Run apply = TestCli.run(env(moto), "apply", fix, "--target", "aws", "--auto-approve",
        "--format", "json", "--break-glass", REASON);
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(trust(moto).contains("lambda.amazonaws.com") && !trust(moto).contains("\"AWS\""),
        "the stack's trust is back: " + trust(moto));
    assertEquals(List.of(), attached(moto, ROLE), "AdministratorAccess is detached");

    List<JsonNode> lines = new ArrayList<>();
    for (String line : apply.out().split("\n")) {
      lines.add(JSON.readTree(line));
    }
    JsonNode summary = lines.get(lines.size() - 1);
    assertEquals("summary", summary.path("type").asText(), apply::toString);
    assertEquals(REASON, summary.path("break_glass").path("reason").asText(), summary::toString);
    assertEquals(2, summary.path("break_glass").path("overridden").size(), summary::toString);
    assertTrue(lines.stream().anyMatch(l -> l.path("type").asText().equals("break_glass")
        && l.path("reason").asText().equals(REASON)), apply::toString);
    assertTrue(lines.stream().anyMatch(l -> l.path("level").asText().equals("warning")
        && l.path("message").asText().startsWith("BREAK GLASS")), "a loud warning first");
    String agent = "rolectl-break-glass/INC-4211_revoke_AWS:_trust_and_admin_on_app-runner";
    assertFalse(server.calls().isEmpty());
    assertTrue(server.calls().stream().allMatch(c -> c.userAgent() != null
        && c.userAgent().contains(agent)), "every ECS call carries the reason: " + server.calls());
  }

  @Test
  void breakGlassNeverDeletesAProtectedRoleAndNamesItselfInTheRoleSession(Moto moto)
      throws Exception {
    server.reset();
    server.fail(new Fault("ListClusters", null, 503, null));
    drift(moto);
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName("vault").assumeRolePolicyDocument("{\"Version\":"
          + " \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\":"
          + " {\"Service\": \"lambda.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}")
          .tags(t -> t.key("rolectl:stack").value(STACK), t -> t.key("rolectl:protect")
              .value("true")));
    }
    String fix = stack("").toString();
    try (StsRefusingProxy sts = new StsRefusingProxy(moto, Set.of())) {
      Map<String, String> env = env(moto);
      env.put("AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
      TestCli.Run apply = TestCli.run(env, "apply", fix, "--accounts", Moto.ACCOUNT_ID,
          "--assume-role", "Responder", "--auto-approve", "--break-glass", REASON);
      assertEquals(3, apply.exit(), "the protected role is refused: " + apply);
      assertTrue(apply.err().contains("BREAK GLASS"), apply::toString);
      assertTrue(apply.out().contains("BREAK GLASS: made although the safety rule"), apply::toString);
      assertTrue(apply.out().contains("protected"), apply::toString);
      assertFalse(sts.assumed().isEmpty());
      for (Map<String, String> form : sts.assumed()) {
        assertEquals("break-glass.INC-4211-revoke-AWS-trust-and-admin-on-app-runner",
            form.get("RoleSessionName"), form::toString);
      }
    }
    try (IamClient iam = moto.iam()) {
      assertEquals("vault", iam.getRole(r -> r.roleName("vault")).role().roleName(),
          "still there");
    }
    assertEquals(List.of(), attached(moto, ROLE), "the drift fix went through");

    TestCli.Run both = TestCli.run(env(moto), "apply", fix, "--target", "aws", "--break-glass",
        REASON, "--wait-for-deployments", "1m");
    assertEquals(1, both.exit(), both::toString);
    TestCli.Run vague = TestCli.run(env(moto), "apply", fix, "--target", "aws", "--break-glass",
        "why");
    assertEquals(1, vague.exit(), vague::toString);
    assertTrue(vague.err().contains("at least 8 characters"), vague::toString);
  }
}

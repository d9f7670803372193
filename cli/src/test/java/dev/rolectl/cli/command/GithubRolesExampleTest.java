package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.CliRun;
import dev.rolectl.cli.RepoFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The OIDC roles the example workflows assume (examples/github-rolectl-roles), as rolectl resolves
 * them: the plan role is trusted for this repository's pull requests and main only and can only
 * read; the apply role is trusted for the environment {@code iam} only, with the exact {@code sub}
 * claim (StringEquals, no wildcard), and cannot change the roles of its own stack.
 */
class GithubRolesExampleTest {
  private static final String REPO = "example-org/iam-roles";
  private static final String SUB = "token.actions.githubusercontent.com:sub";

  @TempDir Path dir;

  private Map<String, JsonNode> planned() throws Exception {
    Path example = RepoFiles.root().resolve("examples/github-rolectl-roles");
    CliRun r = CliRun.run("plan", example.toString(), "--var-file",
        example.resolve("vars/dev.yaml").toString(), "--target", "local:" + dir.resolve("a.json"),
        "--format", "json");
    assertEquals(0, r.exitCode(), r.toString());
    Map<String, JsonNode> after = new HashMap<>();
    for (JsonNode c : new ObjectMapper().readTree(r.out()).path("changes")) {
      after.put(c.path("address").asText(), c.path("after"));
    }
    return after;
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    if (n.isArray()) {
      n.forEach(v -> out.add(v.asText()));
    } else if (!n.isMissingNode()) {
      out.add(n.asText());
    }
    return out;
  }

  /** The trust's only statement: web identity from GitHub, with these exact sub claims. */
  private static void trustedFor(JsonNode role, List<String> subs) {
    JsonNode statements = role.path("trustPolicy").path("Statement");
    assertEquals(1, statements.size(), statements.toString());
    JsonNode s = statements.get(0);
    assertEquals("Allow", s.path("Effect").asText());
    assertEquals(List.of("sts:AssumeRoleWithWebIdentity"), strings(s.path("Action")));
    assertTrue(s.path("Principal").path("Federated").asText()
        .endsWith(":oidc-provider/token.actions.githubusercontent.com"), s.toString());
    JsonNode condition = s.path("Condition");
    assertEquals(List.of("StringEquals"), List.copyOf(iterable(condition.fieldNames())),
        "exact claims only, never StringLike: " + condition);
    assertEquals(List.of("sts.amazonaws.com"),
        strings(condition.path("StringEquals").path("token.actions.githubusercontent.com:aud")));
    assertEquals(subs, strings(condition.path("StringEquals").path(SUB)));
  }

  private static <T> List<T> iterable(java.util.Iterator<T> it) {
    List<T> out = new ArrayList<>();
    it.forEachRemaining(out::add);
    return out;
  }

  @Test
  void thePlanRoleIsTrustedForPullRequestsAndMainAndOnlyReads() throws Exception {
    Map<String, JsonNode> after = planned();
    trustedFor(after.get("roles.rolectl-plan"),
        List.of("repo:" + REPO + ":pull_request", "repo:" + REPO + ":ref:refs/heads/main"));
    JsonNode doc = after.get("roles.rolectl-plan.inlinePolicies.read-iam-and-ecs").path("document");
    for (JsonNode s : doc.path("Statement")) {
      assertEquals("Allow", s.path("Effect").asText());
      for (String action : strings(s.path("Action"))) {
        assertTrue(action.matches("(iam|ecs|ec2):(Get|List|Describe)[A-Za-z]+"),
            "the plan role only reads: " + action);
      }
    }
  }

  @Test
  void theApplyRoleIsTrustedForTheIamEnvironmentOnlyAndCannotChangeItsOwnStack() throws Exception {
    Map<String, JsonNode> after = planned();
    trustedFor(after.get("roles.rolectl-apply"), List.of("repo:" + REPO + ":environment:iam"));
    JsonNode doc = after.get("roles.rolectl-apply.inlinePolicies.apply-stacks").path("document");
    boolean denied = false;
    for (JsonNode s : doc.path("Statement")) {
      if (s.path("Effect").asText().equals("Deny")) {
        denied = strings(s.path("Resource")).equals(List.of("arn:aws:iam::123456789012:role/rolectl-ci/*"))
            && strings(s.path("NotAction")).equals(List.of("iam:Get*", "iam:List*"));
      } else {
        assertFalse(strings(s.path("Action")).stream().anyMatch(a -> a.contains("*")),
            "no wildcard actions: " + s);
        assertFalse(strings(s.path("Action")).contains("iam:PassRole"), s.toString());
      }
    }
    assertTrue(denied, "a Deny keeps the apply role off the roles under /rolectl-ci/: " + doc);
    assertEquals("/rolectl-ci/", after.get("roles.rolectl-apply").path("path").asText());
    assertEquals("/rolectl-ci/", after.get("roles.rolectl-plan").path("path").asText());
  }
}

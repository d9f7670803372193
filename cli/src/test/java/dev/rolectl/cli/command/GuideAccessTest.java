package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.RepoFiles;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.TestCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guide's stack (examples/ecs-blue-green) in an account with two users, planned and applied
 * through the CLI against a local account file: the Access section says that user deployer, and
 * nobody else, can pass the infrastructure role to ecs.amazonaws.com, before and after the first
 * apply.
 */
class GuideAccessTest {
  static final String ACCOUNT = "{\"AccountId\":\"123456789012\",\"UserDetailList\":["
      + "{\"UserName\":\"deployer\",\"Arn\":\"arn:aws:iam::123456789012:user/deployer\"},"
      + "{\"UserName\":\"alice\",\"Arn\":\"arn:aws:iam::123456789012:user/alice\",\"GroupList\":[\"ops\"]}],"
      + "\"GroupDetailList\":[{\"GroupName\":\"ops\",\"GroupPolicyList\":[{\"PolicyName\":\"read\","
      + "\"PolicyDocument\":{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
      + "\"Action\":\"s3:GetObject\",\"Resource\":\"*\"}]}}]}],"
      + "\"RoleDetailList\":[],\"Policies\":[]}";

  @TempDir Path dir;

  @Test
  void deployerAloneCanPassTheRoleToEcsBeforeAndAfterTheFirstApply() throws Exception {
    Path account = Files.writeString(dir.resolve("account.json"), ACCOUNT);
    String target = "local:" + account;
    Path stack = RepoFiles.root().resolve("examples/ecs-blue-green");

    Run first = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target);
    assertEquals(0, first.exit(), first.toString());
    assertTrue(first.out().contains("  Grants new access: yes\n"), first.out());
    assertTrue(first.out().contains("    + user deployer can newly pass role"
        + " ecsInfrastructureRoleForLoadBalancers to ecs.amazonaws.com\n"), first.out());
    assertTrue(first.out().contains("  role ecsInfrastructureRoleForLoadBalancers (created by this"
        + " plan):\n    can be assumed by service ecs.amazonaws.com\n    can be passed by user"
        + " deployer to ecs.amazonaws.com\n"), first.out());
    assertFalse(first.out().contains("alice can"), "alice cannot pass or assume it:\n" + first.out());

    Run json = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target, "--format", "json");
    JsonNode passers = new ObjectMapper().readTree(json.out()).path("access").path("roles").get(0)
        .path("after").path("passers");
    assertEquals(1, passers.size(), passers.toString());
    assertEquals("user deployer", passers.get(0).path("principal").asText());
    assertEquals("to ecs.amazonaws.com", passers.get(0).path("detail").asText());

    Run md = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target, "--format", "markdown");
    assertTrue(md.out().contains("- `can be passed by user deployer to ecs.amazonaws.com`\n"), md.out());

    Run applied = TestCli.run(Map.of(), "apply", stack.toString(), "--target", target, "--auto-approve");
    assertEquals(0, applied.exit(), applied.toString());

    // after the first apply: a change of the role's trust shows both sides
    Run after = TestCli.run(Map.of(), "plan",
        stack.resolve("demo/drop-ecs-trust.yaml").toString(), "--target", target);
    assertTrue(after.out().contains("  role ecsInfrastructureRoleForLoadBalancers:\n"
        + "    can be assumed by service ecs-tasks.amazonaws.com (before: service ecs.amazonaws.com)\n"
        + "    can be passed by user deployer to ecs.amazonaws.com\n"), after.out());
    assertTrue(after.out().contains("    + service ecs-tasks.amazonaws.com can newly assume role"
        + " ecsInfrastructureRoleForLoadBalancers\n"), after.out());
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The options of many accounts that the 50-account run does not show, on three moto accounts
 * behind {@link StsRefusingProxy} (which records each AssumeRole and holds it 300 ms):
 * {@code --accounts}, {@code --external-id} and {@code --session-name} reach STS as given; {@code
 * --account-parallelism 1} assumes one role at a time and 3 several; a {@code --var-file} named
 * with {@code ${aws.accountId}} is each account's, and an account without one fails alone.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
// member accounts make moto's reset slower for every later test: a server for organisations only
@MotoServer.Env({"ROLECTL_MOTO_SERVER=organizations"})
class ManyAccountsOptionsE2E {
  static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void optionsReachStsAndVarFilesAreChosenPerAccount(Moto moto, @TempDir Path dir) throws Exception {
    List<MotoOrganization.Member> members = MotoOrganization.create(moto, "opt", 3);
    String ids = members.stream().map(MotoOrganization.Member::id).collect(Collectors.joining(","));
    Path stack = Files.writeString(dir.resolve("stack.yaml"), "apiVersion: rolectl/v1\n"
        + "stack: per-account\nroles:\n  app:\n    description: ${var.description}\n"
        + "    trustPolicy: " + StackFiles.TRUST + "\n");
    Files.createDirectories(dir.resolve("vars"));
    for (MotoOrganization.Member m : members.subList(0, 2)) {
      Files.writeString(dir.resolve("vars/" + m.id() + ".yaml"), "description: for " + m.name() + "\n");
    }
    try (StsRefusingProxy sts = new StsRefusingProxy(moto, Set.of())) {
      Map<String, String> env = new HashMap<>(moto.env());
      env.put("AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
      sts.delay(300);
      TestCli.Run one = TestCli.run(env, "plan", stack.toString(), "--accounts", ids,
          "--assume-role", "OrganizationAccountAccessRole", "--external-id", "ext-1",
          "--session-name", "ci-42", "--account-parallelism", "1", "--format", "json",
          "--var-file", dir.resolve("vars").toString() + "/${aws.accountId}.yaml");
      assertEquals(1, one.exit(), "the account without a var file failed: " + one);
      assertEquals(1, sts.maxInFlight(), "one account at a time");
      assertEquals(2, sts.assumed().size(), "the third account failed before assuming: " + sts.assumed());
      for (Map<String, String> form : sts.assumed()) {
        assertEquals("ci-42", form.get("RoleSessionName"), form::toString);
        assertEquals("ext-1", form.get("ExternalId"), form::toString);
        assertTrue(form.get("RoleArn").endsWith(":role/OrganizationAccountAccessRole"), form::toString);
      }
      JsonNode plan = JSON.readTree(one.out());
      assertTrue(plan.path("errored").asBoolean(false), "an account failed: errored");
      for (JsonNode a : plan.path("accounts")) {
        String id = a.path("accountId").asText();
        assertEquals(id.equals(members.get(2).id()), a.path("errored").asBoolean(), a::toString);
        if (id.equals(members.get(2).id())) {
          assertEquals("failed", a.path("status").asText());
          assertTrue(a.path("error").asText().contains(id + ".yaml"), a.toString());
        } else {
          String name = members.stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow().name();
          assertTrue(a.path("plan").toString().contains("for " + name), a.toString());
        }
      }

      Files.writeString(dir.resolve("vars/" + members.get(2).id() + ".yaml"), "description: third\n");
      sts.delay(300);
      TestCli.Run three = TestCli.run(env, "plan", stack.toString(), "--accounts", ids,
          "--assume-role", "OrganizationAccountAccessRole", "--account-parallelism", "3",
          "--detailed-exitcode", "--var-file", dir.resolve("vars").toString() + "/${aws.accountId}.yaml");
      assertEquals(2, three.exit(), "changes everywhere: " + three);
      assertTrue(sts.maxInFlight() >= 2, "several accounts at once: " + sts.maxInFlight());
      assertEquals("rolectl", sts.assumed().get(0).get("RoleSessionName"), "the default session name");
      assertTrue(!sts.assumed().get(0).containsKey("ExternalId"), "no external id unless given");
      assertTrue(three.out().contains("3 accounts: 0 without changes, 3 with changes, 0 blocked, 0 failed."),
          three::toString);

      // four shards of three accounts (examples/github/plan-accounts.yml): the fourth is empty,
      // and merge wants every one of them, of one stack content
      List<String> shards = new java.util.ArrayList<>();
      for (int i = 1; i <= 4; i++) {
        Path out = dir.resolve("shard-" + i + ".json");
        TestCli.Run shard = TestCli.run(env, "plan", stack.toString(), "--accounts", ids,
            "--assume-role", "OrganizationAccountAccessRole", "--shard", i + "/4", "--out",
            out.toString(), "--var-file", dir.resolve("vars") + "/${aws.accountId}.yaml");
        assertEquals(0, shard.exit(), shard::toString);
        assertEquals(i == 4 ? 0 : 1, JSON.readTree(Files.readString(out)).path("accounts").size());
        shards.add(out.toString());
      }
      assertTrue(TestCli.run(env, "plan", stack.toString(), "--accounts", ids, "--assume-role",
          "R", "--shard", "4/4", "--var-file", dir.resolve("vars") + "/${aws.accountId}.yaml")
          .err().contains("note: shard 4/4 has no account (3 accounts in all"));
      TestCli.Run merged = TestCli.run(env, "merge", shards.get(0), shards.get(1), shards.get(2),
          shards.get(3), "--detailed-exitcode");
      assertEquals(2, merged.exit(), merged::toString);
      assertTrue(merged.out().contains("in 3 accounts (shards 1/4, 2/4, 3/4, 4/4)"), merged::toString);
      TestCli.Run missing = TestCli.run(env, "merge", shards.get(0), shards.get(1), shards.get(3));
      assertEquals(1, missing.exit(), missing::toString);
      assertTrue(missing.err().contains("shard 3/4 is missing"), missing::toString);
      // shard 4/4 of another account list (two of the three accounts): refused, naming the file
      String two = members.get(0).id() + "," + members.get(1).id();
      TestCli.Run ofTwo = TestCli.run(env, "plan", stack.toString(), "--accounts", two,
          "--assume-role", "OrganizationAccountAccessRole", "--shard", "4/4", "--out",
          shards.get(3), "--var-file", dir.resolve("vars") + "/${aws.accountId}.yaml");
      assertEquals(0, ofTwo.exit(), ofTwo::toString);
      TestCli.Run lists = TestCli.run(env, "merge", shards.get(0), shards.get(1), shards.get(3),
          shards.get(2));
      assertEquals(1, lists.exit(), lists::toString);
      assertTrue(lists.err().contains(shards.get(3) + " was cut from another account list than "
          + shards.get(0)), lists::toString);

      Files.writeString(stack, Files.readString(stack) + "# another revision\n");
      TestCli.Run other = TestCli.run(env, "plan", stack.toString(), "--accounts", ids,
          "--assume-role", "OrganizationAccountAccessRole", "--shard", "3/4", "--out",
          shards.get(2), "--var-file", dir.resolve("vars") + "/${aws.accountId}.yaml");
      assertEquals(0, other.exit(), other::toString);
      TestCli.Run revisions = TestCli.run(env, "merge", shards.get(0), shards.get(1),
          shards.get(2), shards.get(3));
      assertEquals(1, revisions.exit(), revisions::toString);
      assertTrue(revisions.err().contains(shards.get(2) + " was planned from other stack files,"
          + " variables or options than " + shards.get(0)), revisions::toString);

      // --partition is checked against the credentials', as for one account
      int assumed = sts.assumed().size();
      TestCli.Run cn = TestCli.run(env, "plan", stack.toString(), "--accounts", ids,
          "--assume-role", "OrganizationAccountAccessRole", "--partition", "aws-cn");
      assertEquals(1, cn.exit(), cn::toString);
      assertTrue(cn.err().contains("--partition aws-cn does not match the partition of your"
          + " credentials (aws, from the caller's ARN)"), cn::toString);
      assertEquals(assumed, sts.assumed().size(), "no role assumed");
    }
  }
}

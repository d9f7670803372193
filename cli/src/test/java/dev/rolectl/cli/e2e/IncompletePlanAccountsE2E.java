package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * A plan with errors in one of several accounts, on moto: in one member account the stack's role
 * has an inline policy rolectl cannot read (a condition key without values, which moto accepts as
 * IAM does), so that account's plan is incomplete. Every report says so for that account, never
 * "no changes": the text and Markdown summary tables show it failed with "plan incomplete,
 * cannot be applied: 1 error (roles.mine)", its Markdown section is open, and the JSON plan file
 * has it {@code failed} with that reason; the other account plans as usual, and plan exits 1.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
// member accounts make moto's reset slower for every later test: a server for organisations only
@MotoServer.Env({"ROLECTL_MOTO_SERVER=organizations"})
class IncompletePlanAccountsE2E {
  private static final String TRUST = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  private static final String UNREADABLE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":"
      + "\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\",\"Condition\":{\"StringLike\":"
      + "{\"s3:prefix\":[]}}}]}";

  @Test
  void anAccountWhosePlanHasErrorsIsReportedIncompleteInEveryFormat(Moto moto, @TempDir Path dir)
      throws Exception {
    List<MotoOrganization.Member> members = MotoOrganization.create(moto, "odd", 2);
    MotoOrganization.Member odd = members.get(0);
    try (IamClient iam = MotoOrganization.iamIn(moto, odd.id())) {
      iam.createRole(r -> r.roleName("mine").assumeRolePolicyDocument(TRUST)
          .tags(t -> t.key("rolectl:stack").value("odd")));
      iam.putRolePolicy(r -> r.roleName("mine").policyName("weird").policyDocument(UNREADABLE));
    }
    Path stack = Files.writeString(dir.resolve("odd.yaml"), "apiVersion: rolectl/v1\nstack: odd\n"
        + "roles:\n  mine:\n    trustPolicy: " + TRUST + "\n");
    String ids = members.get(0).id() + "," + members.get(1).id();
    String[] common = {"plan", stack.toString(), "--accounts", ids, "--assume-role",
        MotoOrganization.ACCESS_ROLE};
    String incomplete = "plan incomplete, cannot be applied: 1 error (roles.mine)";

    TestCli.Run text = TestCli.run(moto.env(), common);
    assertEquals(1, text.exit(), text::toString);
    String summaryLine = text.out().lines().filter(l -> l.trim().startsWith(odd.id()))
        .reduce((a, b) -> b).orElseThrow();
    assertTrue(summaryLine.contains("failed") && summaryLine.contains(incomplete), summaryLine);
    assertTrue(text.out().contains("2 accounts: 0 without changes, 1 with changes, 0 blocked, 1"
        + " failed."), text::toString);

    TestCli.Run md = TestCli.run(moto.env(), concat(common, "--format", "markdown"));
    assertEquals(1, md.exit(), md::toString);
    // --accounts gives ids alone (names come with --organization)
    assertTrue(md.out().contains("| `" + odd.id() + "` | **failed** |"), md.out());
    assertTrue(md.out().contains("<details open><summary><code>" + odd.id() + "</code>: failed</summary>\n\n```\n"
        + incomplete + "\n"), md.out());
    assertTrue(md.out().contains("error[live-unreadable]"), md.out());

    TestCli.Run json = TestCli.run(moto.env(), concat(common, "--format", "json"));
    assertEquals(1, json.exit(), json::toString);
    for (JsonNode a : new ObjectMapper().readTree(json.out()).path("accounts")) {
      if (a.path("accountId").asText().equals(odd.id())) {
        assertEquals("failed", a.path("status").asText(), a::toString);
        assertTrue(a.path("error").asText().startsWith(incomplete + "\n"), a::toString);
      } else {
        assertEquals("changes", a.path("status").asText(), a::toString);
      }
    }
    for (TestCli.Run r : List.of(text, md, json)) {
      assertFalse(r.out().contains(odd.id() + ": no-changes"), r::toString);
    }
  }

  private static String[] concat(String[] a, String... b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.RepoFiles;
import dev.rolectl.cli.TestCli;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The organisation on moto: 50 member accounts in an OU, each with moto's {@code
 * OrganizationAccountAccessRole} and a {@code deployer} user. The real CLI (in-process) applies the
 * guide's ECS infrastructure role stack ({@code examples/ecs-blue-green}) to all 50 in one run,
 * plans again (empty everywhere, at most 5 calls per account), finds one account drifted by hand
 * alone, fails one account whose role cannot be assumed alone (through {@link StsRefusingProxy}:
 * moto lets anyone assume anything), blocks only the account where an ECS deployment is in
 * progress (exit 3), gives the same report from two shards and {@code merge} as from one run, and
 * applies a saved multi-account plan, refusing only the account that changed since.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
// a server of its own: resetting 50 accounts (each with the AWS managed policies loaded) takes
// longer than the next test's reset may wait, so no other class shares it
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0", "ROLECTL_MOTO_SERVER=organization-scale"})
class OrganizationScaleE2E {
  static final int ACCOUNTS = 50;
  static final String ROLE = "ecsInfrastructureRoleForLoadBalancers";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern ACCOUNT_SECTION = Pattern.compile("<details( open)?><summary><code>\\d{12} ");
  static final Pattern CALLS = Pattern.compile("account (\\d{12}): (\\d+) API calls");

  @TempDir Path dir;

  @Test
  void fiftyAccounts(Moto moto) throws Exception {
    String[] ou = new String[1];
    List<MotoOrganization.Member> members = MotoOrganization.create(moto, "team", ACCOUNTS, ou);
    for (MotoOrganization.Member m : members) {
      try (IamClient iam = MotoOrganization.iamIn(moto, m.id())) {
        iam.createUser(r -> r.userName("deployer"));
      }
    }
    Path stack = RepoFiles.root().resolve("examples/ecs-blue-green/stack.yaml");
    List<String> org = List.of("--organization", "--ou", ou[0],
        "--assume-role", MotoOrganization.ACCESS_ROLE, "--account-parallelism", "8");

    // one run applies the guide's stack in all 50 accounts
    TestCli.Run applied = cli(moto.env(), "apply", stack.toString(), "--auto-approve", org);
    assertEquals(0, applied.exit(), applied::toString);
    assertTrue(applied.out().contains(ACCOUNTS + " of " + ACCOUNTS + " accounts done."), applied::toString);
    for (MotoOrganization.Member m : List.of(members.get(0), members.get(ACCOUNTS - 1))) {
      try (IamClient iam = MotoOrganization.iamIn(moto, m.id())) {
        assertEquals("ecs-platform", iam.listRoleTags(r -> r.roleName(ROLE)).tags().stream()
            .filter(t -> t.key().equals("rolectl:stack")).findFirst().orElseThrow().value());
      }
    }

    // planned again: empty everywhere, at most 5 calls per account (AssumeRole included)
    TestCli.Run again = cli(moto.env(), "plan", stack.toString(), "--format", "json", "--stats",
        "--detailed-exitcode", org);
    assertEquals(0, again.exit(), again::toString);
    JsonNode plan = JSON.readTree(again.out());
    assertEquals(ACCOUNTS, plan.path("summary").path("no-changes").asInt(), again.out());
    Map<String, Integer> calls = calls(again.err());
    assertEquals(ACCOUNTS, calls.size(), again.err());
    assertTrue(calls.values().stream().allMatch(n -> n <= 5), "calls per account: " + calls);
    assertTrue(!again.err().contains("GetPolicy"),
        "the attached AWS managed policy exists: no GetPolicy asks again\n" + again.err());

    // drift in one account by hand, and one account whose role cannot be assumed
    String drifted = members.get(3).id();
    String refused = members.get(7).id();
    try (IamClient iam = MotoOrganization.iamIn(moto, drifted)) {
      iam.updateRole(r -> r.roleName(ROLE).description("changed by hand"));
    }
    Path accountsFile = Files.writeString(dir.resolve("accounts.txt"), "# the OU's accounts\n"
        + members.stream().map(m -> m.id() + " " + m.name()).collect(Collectors.joining("\n")));
    try (StsRefusingProxy sts = new StsRefusingProxy(moto, Set.of(refused))) {
      Map<String, String> env = new HashMap<>(moto.env());
      env.put("AWS_ENDPOINT_URL_STS", sts.endpoint().toString());
      TestCli.Run mixed = cli(env, "plan", stack.toString(), "--format", "json",
          "--accounts-file", accountsFile.toString(), "--assume-role", MotoOrganization.ACCESS_ROLE);
      assertEquals(1, mixed.exit(), "the worst account failed: " + mixed);
      Map<String, String> status = statuses(JSON.readTree(mixed.out()));
      assertEquals(ACCOUNTS, status.size());
      assertEquals("changes", status.get(drifted), status::toString);
      assertEquals("failed", status.get(refused), status::toString);
      assertEquals(ACCOUNTS - 2, status.values().stream().filter("no-changes"::equals).count(), status::toString);
      JsonNode failed = account(JSON.readTree(mixed.out()), refused);
      String error = failed.path("error").asText();
      assertTrue(error.contains("AccessDenied") && error.contains(MotoOrganization.ACCESS_ROLE)
          && error.contains(refused), error);
      assertTrue(account(JSON.readTree(mixed.out()), drifted).path("plan").toString()
          .contains("changed by hand"), "the drift is in the plan");
    }

    // an ECS deployment in progress in one account blocks only that account's change: exit 3
    String deploying = members.get(5).id();
    EcsSeed.createService(MotoOrganization.ecsIn(moto, deploying),
        "arn:aws:iam::" + deploying + ":role/" + ROLE);
    Path dropTrust = Files.writeString(dir.resolve("drop-trust.yaml"), Files.readString(
            RepoFiles.root().resolve("examples/ecs-blue-green/demo/drop-ecs-trust.yaml"))
        + "\nsettings:\n  ecs:\n    regions: [us-east-1]\n");
    TestCli.Run blocked = cli(moto.env(), "plan", dropTrust.toString(), "--format", "json", org);
    assertEquals(3, blocked.exit(), blocked::toString);
    Map<String, String> verdicts = statuses(JSON.readTree(blocked.out()));
    assertEquals("blocked", verdicts.get(deploying), verdicts::toString);
    assertEquals(ACCOUNTS - 1, verdicts.values().stream().filter("changes"::equals).count(), verdicts::toString);

    // two shards and merge give the same report as one run, in every format
    Path one = dir.resolve("one.json");
    TestCli.Run whole = cli(moto.env(), "plan", stack.toString(), "--format", "markdown",
        "--out", one.toString(), org);
    assertEquals(0, whole.exit(), whole::toString);
    List<Path> shards = new ArrayList<>();
    for (String s : List.of("1/2", "2/2")) {
      Path out = dir.resolve("shard-" + s.charAt(0) + ".json");
      TestCli.Run shard = cli(moto.env(), "plan", stack.toString(), "--shard", s,
          "--out", out.toString(), org);
      assertEquals(0, shard.exit(), shard::toString);
      shards.add(out);
    }
    assertEquals(ACCOUNTS / 2, JSON.readTree(Files.readString(shards.get(0))).path("accounts").size());
    TestCli.Run merged = TestCli.run(moto.env(), "merge", shards.get(0).toString(),
        shards.get(1).toString(), "--format", "markdown");
    assertEquals(0, merged.exit(), merged::toString);
    assertEquals(whole.out(), merged.out(), "merged shards = one run (Markdown)");
    TestCli.Run wholeText = TestCli.run(moto.env(), "merge", one.toString());
    TestCli.Run mergedText = TestCli.run(moto.env(), "merge", shards.get(0).toString(), shards.get(1).toString());
    assertEquals(wholeText.out(), mergedText.out().replace(" (shards 1/2, 2/2)", ""), "text");
    markdownIsOneTableAndOneSectionPerAccount(merged.out());

    // a saved plan is applied account by account; the account that changed since is refused alone
    String stale = members.get(4).id();
    try (IamClient iam = MotoOrganization.iamIn(moto, stale)) {
      iam.updateRole(r -> r.roleName(ROLE).description("also changed by hand"));
    }
    Path saved = dir.resolve("saved.json");
    TestCli.Run planned = cli(moto.env(), "plan", stack.toString(), "--out", saved.toString(), org);
    assertEquals(0, planned.exit(), planned::toString);
    try (IamClient iam = MotoOrganization.iamIn(moto, stale)) {
      iam.updateRole(r -> r.roleName(ROLE).maxSessionDuration(7200));
    }
    TestCli.Run fromPlan = TestCli.run(moto.env(), "apply", saved.toString(), "--auto-approve");
    assertEquals(1, fromPlan.exit(), fromPlan::toString);
    assertTrue(fromPlan.out().contains("stale plan"), fromPlan::toString);
    TestCli.Run after = cli(moto.env(), "plan", stack.toString(), "--format", "json", org);
    Map<String, String> left = statuses(JSON.readTree(after.out()));
    assertEquals("changes", left.get(stale), "the stale account was left alone: " + left);
    assertEquals("no-changes", left.get(drifted), "the other account was applied: " + left);
  }

  private static TestCli.Run cli(Map<String, String> env, String command, String path, Object... rest) {
    List<String> args = new ArrayList<>(List.of(command, path));
    for (Object o : rest) {
      if (o instanceof List<?> l) {
        l.forEach(x -> args.add(x.toString()));
      } else {
        args.add(o.toString());
      }
    }
    return TestCli.run(env, args.toArray(String[]::new));
  }

  static Map<String, Integer> calls(String stats) {
    Map<String, Integer> out = new TreeMap<>();
    Matcher m = CALLS.matcher(stats);
    while (m.find()) {
      out.put(m.group(1), Integer.parseInt(m.group(2)));
    }
    return out;
  }

  static Map<String, String> statuses(JsonNode plan) {
    Map<String, String> out = new TreeMap<>();
    plan.path("accounts").forEach(a -> out.put(a.path("accountId").asText(), a.path("status").asText()));
    return out;
  }

  private static JsonNode account(JsonNode plan, String id) {
    for (JsonNode a : plan.path("accounts")) {
      if (a.path("accountId").asText().equals(id)) {
        return a;
      }
    }
    throw new AssertionError("no account " + id);
  }

  /** Parsed as CommonMark: one table row per account, one folded section per account. */
  private static void markdownIsOneTableAndOneSectionPerAccount(String md) {
    assertTrue(md.length() <= 65_536, "a comment is at most 65,536 characters: " + md.length());
    Node doc = Parser.builder()
        .extensions(List.of(org.commonmark.ext.gfm.tables.TablesExtension.create())).build().parse(md);
    int[] rows = {0};
    int[] sections = {0};
    doc.accept(new org.commonmark.node.AbstractVisitor() {
      @Override
      public void visit(org.commonmark.node.CustomNode node) {
        if (node instanceof org.commonmark.ext.gfm.tables.TableRow) {
          rows[0]++;
        }
        visitChildren(node);
      }

      @Override
      public void visit(org.commonmark.node.CustomBlock node) {
        visitChildren(node);
      }

      @Override
      public void visit(org.commonmark.node.HtmlBlock node) {
        Matcher m = ACCOUNT_SECTION.matcher(node.getLiteral());
        while (m.find()) {
          sections[0]++;
        }
      }
    });
    assertEquals(ACCOUNTS + 1, rows[0], "a header row and one row per account");
    assertEquals(ACCOUNTS, sections[0], "one folded section per account");
  }
}

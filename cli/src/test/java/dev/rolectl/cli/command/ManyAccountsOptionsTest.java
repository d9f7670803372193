package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.RepoFiles;
import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.plan.AccountPlan;
import dev.rolectl.engine.plan.MultiPlan;
import dev.rolectl.engine.plan.MultiPlanFile;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import java.time.Instant;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Many-account options that are wrong together are refused before anything is read. */
class ManyAccountsOptionsTest {
  static final String STACK = RepoFiles.root().resolve("examples/ecs-blue-green/stack.yaml").toString();
  // no AWS endpoint that answers: a run that tried to reach AWS would fail differently
  static final Map<String, String> ENV = Map.of("AWS_ENDPOINT_URL", "http://127.0.0.1:9",
      "AWS_ACCESS_KEY_ID", "x", "AWS_SECRET_ACCESS_KEY", "y", "AWS_REGION", "us-east-1");

  private static void refused(String expected, String... args) {
    for (String command : List.of("plan", "apply")) {
      String[] full = new String[args.length + 2];
      full[0] = command;
      full[1] = STACK;
      System.arraycopy(args, 0, full, 2, args.length);
      TestCli.Run r = TestCli.run(ENV, full);
      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.err().contains(expected), "expected '" + expected + "':\n" + r);
      assertTrue(!r.err().contains("Exception") && !r.err().contains("--debug"), r::toString);
    }
  }

  @Test
  void badCombinationsAreClearErrors() {
    String role = "--assume-role=OrganizationAccountAccessRole";
    refused("several accounts need --assume-role", "--accounts", "111111111111");
    refused("--ou needs --organization", "--accounts", "111111111111", "--ou", "ou-1", role);
    refused("give one of --accounts, --accounts-file and --organization",
        "--accounts", "111111111111", "--organization", role);
    refused("--target must be aws", "--accounts", "111111111111", role, "--target", "local:x.json");
    refused("--account-id names one account", "--accounts", "111111111111", role,
        "--account-id", "111111111111");
    refused("'12345' is not an account id", "--accounts", "12345", role);
    refused("--shard: a shard is I/N", "--accounts", "111111111111", role, "--shard", "3/2");
    refused("--account-parallelism must be 1 to 256", "--accounts", "111111111111", role,
        "--account-parallelism", "0");
    refused("not a role ARN", "--accounts", "111111111111", "--assume-role", "bad name");
    refused("not its ARN: it is assumed in every account as arn:aws:iam::ACCOUNT_ID:role/NAME;"
        + " e.g. --assume-role OrganizationAccountAccessRole", "--accounts", "111111111111",
        "--assume-role", "arn:aws:iam::111111111111:role/OrganizationAccountAccessRole");
    refused("--accounts: 111111111111 is given twice", "--accounts",
        "111111111111,111111111111", role);
  }

  @Test
  void optionsOfSeveralAccountsWithoutAccountsAreRefusedNotIgnored() {
    // ignored, they would plan and apply in the credentials' own (management) account
    refused("--ou ou-1 needs --organization", "--ou", "ou-1",
        "--assume-role", "OrganizationAccountAccessRole");
    refused("--shard is for several accounts: choose them with --accounts, --accounts-file or"
        + " --organization", "--shard", "2/2");
    refused("--assume-role is for several accounts", "--assume-role", "R");
    refused("--external-id, --session-name, --account-parallelism are for several accounts",
        "--external-id", "x", "--session-name", "ci", "--account-parallelism", "3");
  }

  @Test
  void aVarFilePerAccountNeedsAccounts() {
    for (String command : List.of("validate", "plan", "apply")) {
      TestCli.Run r = TestCli.run(ENV, command, STACK, "--var-file", "vars/${aws.accountId}.yaml");
      assertEquals(1, r.exit(), r::toString);
      assertTrue(r.err().contains("names a file per account"), r::toString);
    }
  }

  @Test
  void applyInManyAccountsPrintsTextWithoutStats() {
    for (String option : List.of("--json", "--stats")) {
      TestCli.Run r = TestCli.run(ENV, "apply", STACK, "--accounts", "111111111111",
          "--assume-role", "R1", option);
      assertEquals(1, r.exit(), r::toString);
      assertTrue((r.out() + r.err()).contains(option.equals("--json") ? "--format json is for one account"
          : "--stats is for one account in apply"), r::toString);
    }
  }

  @Test
  void mergeAndShowReadOnlyMultiAccountPlans(@TempDir Path dir) throws Exception {
    Path single = Files.writeString(dir.resolve("single.json"), "{\"formatVersion\": 2}");
    TestCli.Run merge = TestCli.run(Map.of(), "merge", single.toString());
    assertEquals(1, merge.exit(), merge::toString);
    assertTrue(merge.err().contains("not a multi-account plan"), merge::toString);
    Path broken = Files.writeString(dir.resolve("broken.json"),
        "{\"kind\": \"rolectl-multi-account-plan\", \"formatVersion\": 7}");
    TestCli.Run show = TestCli.run(Map.of(), "show", broken.toString());
    assertEquals(1, show.exit(), show::toString);
    assertTrue(show.err().contains("format version 7"), show::toString);
    TestCli.Run missing = TestCli.run(Map.of(), "merge", dir.resolve("nope.json").toString());
    assertEquals(1, missing.exit(), missing::toString);
    assertTrue(missing.err().contains("no such plan file"), missing::toString);
  }

  private static TestCli.Run run(String... args) {
    return TestCli.run(ENV, args);
  }

  private static void refusedRun(String expected, String... args) {
    TestCli.Run r = run(args);
    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().contains(expected), "expected '" + expected + "':\n" + r);
    assertTrue(!r.err().contains("Exception"), r::toString);
  }

  /** A one-account plan on local:, and the same plan as a multi-account plan of its account. */
  private static Path[] savedPlans(Path dir) throws Exception {
    Path single = dir.resolve("single.json");
    TestCli.Run plan = run("plan", STACK, "--target", "local:" + dir.resolve("account.json"),
        "--out", single.toString());
    assertEquals(0, plan.exit(), plan::toString);
    Plan p = PlanFile.read(Files.readString(single));
    MultiPlan multi = new MultiPlan(MultiPlan.FORMAT_VERSION, p.stack(), "0".repeat(64),
        Instant.now(), List.of(), List.of(AccountPlan.planned(p.accountId(), "team", "arn:aws:iam::"
            + p.accountId() + ":role/OrganizationAccountAccessRole", p)),
        MultiPlan.accountsDigest(List.of(p.accountId())));
    Path many = Files.writeString(dir.resolve("many.json"), MultiPlanFile.write(multi));
    return new Path[] {single, many};
  }

  @Test
  void applyOfASavedPlanRefusesTheOptionsItDoesNotUse(@TempDir Path dir) throws Exception {
    Path[] plans = savedPlans(dir);
    for (Path plan : plans) {
      String f = plan.toString();
      for (List<String> o : List.of(List.of("--var", "x=y"), List.of("--var-file", "nope.yaml"),
          List.of("--adopt"), List.of("--shard", "1/2"), List.of("--ou", "ou-x"),
          List.of("--account-id", "111111111111"), List.of("--partition", "aws-cn"),
          List.of("--accounts", "111111111111", "--assume-role", "R"))) {
        List<String> args = new java.util.ArrayList<>(List.of("apply", f));
        args.addAll(o);
        boolean resolvesStack = List.of("--var", "--var-file", "--account-id", "--partition")
            .contains(o.get(0));
        refusedRun(o.get(0) + ": " + (resolvesStack ? "this option resolves a stack, but " : "")
            + f + " is a saved plan", args.toArray(String[]::new));
      }
    }
    refusedRun("--target aws: " + plans[0] + " was planned against local:", "apply",
        plans[0].toString(), "--target", "aws");
    refusedRun("--target local:" + dir.resolve("x.json") + ": " + plans[1]
        + " was planned against aws", "apply", plans[1].toString(), "--target",
        "local:" + dir.resolve("x.json"));
    refusedRun("--assume-role is for several accounts", "apply", plans[0].toString(),
        "--assume-role", "R");
    refusedRun("not its ARN", "apply", plans[1].toString(), "--assume-role",
        "arn:aws:iam::123456789012:role/R");
  }

  @Test
  void showMergeAndApplyCheckTheShapeOfAMultiAccountPlan(@TempDir Path dir) throws Exception {
    Path many = savedPlans(dir)[1];
    String json = Files.readString(many);
    String head = json.substring(0, json.indexOf("\"accounts\""));
    Map<String, String> broken = Map.of(
        "\"accounts\": \"x\"}", "accounts must be a list of accounts, found string",
        "\"accounts\": null}", "accounts must be a list of accounts, found null",
        "\"accounts\": []}", "accounts is empty");
    for (var e : broken.entrySet()) {
      Path f = Files.writeString(dir.resolve("broken.json"), head + e.getKey());
      for (String command : List.of("show", "merge", "apply")) {
        refusedRun(f + ":17:", command, f.toString());
        refusedRun(e.getValue(), command, f.toString());
      }
    }
    Path garbage = Files.writeString(dir.resolve("garbage.json"),
        json.replace("arn:aws:iam::123456789012:role/OrganizationAccountAccessRole", "garbage"));
    for (String command : List.of("show", "apply")) {
      refusedRun("accounts[0] (account 123456789012).roleArn: 'garbage' is not the ARN of a role",
          command, garbage.toString());
    }
    String entry = json.substring(json.indexOf("[", json.indexOf("\"accounts\"")) + 1,
        json.lastIndexOf("]"));
    Path twice = Files.writeString(dir.resolve("twice.json"),
        json.substring(0, json.lastIndexOf("]")) + "," + entry + "]\n}\n");
    for (String command : List.of("show", "apply")) {
      refusedRun("account 123456789012 is listed twice", command, twice.toString());
    }
  }

  /**
   * The saved plan {@code json} as shard {@code shard} (without its accounts when {@code empty};
   * cut from the account list {@code listDigest} when given), written as rolectl writes it.
   */
  static Path shard(Path to, String json, String shard, boolean empty, String listDigest)
      throws java.io.IOException {
    var p = dev.rolectl.engine.plan.MultiPlanFile.read(json);
    var q = new dev.rolectl.engine.plan.MultiPlan(p.formatVersion(), p.stack(), p.stackDigest(),
        p.createdAt(), List.of(shard), empty ? List.of() : p.accounts(),
        listDigest != null ? listDigest : p.accountsDigest());
    return Files.writeString(to, dev.rolectl.engine.plan.MultiPlanFile.write(q));
  }

  @Test
  void anEmptyShardIsAnEmptyPlanThatShowApplyAndMergeAccept(@TempDir Path dir) throws Exception {
    Path many = savedPlans(dir)[1];
    String json = Files.readString(many);
    Path empty = shard(dir.resolve("shard-2.json"), json, "2/2", true, null);
    Path first = shard(dir.resolve("shard-1.json"), json, "1/2", false, null);
    TestCli.Run show = run("show", empty.toString());
    assertEquals(0, show.exit(), show::toString);
    assertTrue(show.out().contains("0 accounts"), show::toString);
    TestCli.Run apply = run("apply", empty.toString());
    assertEquals(0, apply.exit(), apply::toString);
    assertTrue(apply.out().contains("nothing to do"), apply::toString);
    TestCli.Run merge = run("merge", first.toString(), empty.toString());
    assertEquals(0, merge.exit(), merge::toString);
    assertTrue(merge.out().contains("in 1 account (shards 1/2, 2/2)"), merge::toString);
    refusedRun("shard 2/2 is missing", "merge", first.toString());
  }

  @Test
  void mergeRefusesAFileGivenTwiceAndShardsOfAnotherAccountList(@TempDir Path dir)
      throws Exception {
    String json = Files.readString(savedPlans(dir)[1]);
    Path first = shard(dir.resolve("shard-1.json"), json, "1/2", false, null);
    refusedRun(first + " is given twice: give each shard's plan once", "merge", first.toString(),
        first.toString());
    Path sub = Files.createDirectories(dir.resolve("sub"));
    refusedRun(first + " is given twice (also as " + sub + "/../shard-1.json)", "merge",
        sub + "/../shard-1.json", first.toString());
    String otherList = dev.rolectl.engine.plan.MultiPlan.accountsDigest(
        List.of("123456789012", "111111111111"));
    Path second = shard(dir.resolve("shard-2.json"), json, "2/2", true, otherList);
    refusedRun(second + " was cut from another account list than " + first, "merge",
        first.toString(), second.toString());
  }

  @Test
  void emptyAccountListsAreSaidToBeEmpty(@TempDir Path dir) throws Exception {
    String role = "--assume-role=OrganizationAccountAccessRole";
    refused("--accounts: no account id given", "--accounts", ",", role);
    refused("--accounts: no account id given", "--accounts=", role);
    refused("--accounts: no account id given", "--accounts", " , ", role);
    refused("--accounts-file: no file given", "--accounts-file=", role);
    refused("--accounts-file: no file given", "--accounts-file", "", role);
    Path utf16 = Files.write(dir.resolve("utf16.txt"),
        "\uFEFF111111111111 a\n".getBytes(java.nio.charset.StandardCharsets.UTF_16LE));
    refused(utf16 + ":1:1: the accounts file is UTF-16 encoded", "--accounts-file", utf16.toString(),
        role);
  }

  /** Counts agree with their nouns: "1 account", "2 accounts", "1 API call". */
  @Test
  void summariesCountInAgreement() {
    java.io.StringWriter one = new java.io.StringWriter();
    MultiAccountApply.summary(List.of(new dev.rolectl.engine.api.AccountApplied(
        new dev.rolectl.engine.api.AccountRef("111111111111", ""), null, null)),
        false, new java.io.PrintWriter(one));
    assertEquals("\nApply in 1 account:\n  " + String.format("%-40s", "111111111111")
        + " nothing to do\n1 of 1 account done.\n", one.toString());
    java.io.StringWriter stats = new java.io.StringWriter();
    MultiAccountPlan.printStats(List.of(new dev.rolectl.engine.api.AccountCost("111111111111",
        dev.rolectl.engine.live.ApiStats.none(), java.time.Duration.ofMillis(1500))), List.of(),
        new java.io.PrintWriter(stats));
    assertEquals("account 111111111111: 0 API calls, 1.50 s\nAPI calls in all: 0 for 1 account\n",
        stats.toString());
  }
}

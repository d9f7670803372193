package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.RepoFiles;
import dev.rolectl.cli.TestCli;
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
    refused("no accounts to work on in shard 2/2 (1 account in all)", "--accounts", "111111111111",
        role, "--shard", "2/2");
    refused("no accounts to work on in shard 3/3 (2 accounts in all)", "--accounts",
        "111111111111,222222222222", role, "--shard", "3/3");
    refused("--account-parallelism must be 1 to 256", "--accounts", "111111111111", role,
        "--account-parallelism", "0");
    refused("not a role ARN", "--accounts", "111111111111", "--assume-role", "bad name");
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

  /** Counts agree with their nouns: "1 account", "2 accounts", "1 API call". */
  @Test
  void summariesCountInAgreement() {
    java.io.StringWriter one = new java.io.StringWriter();
    MultiAccountApply.summary(List.of(new dev.rolectl.engine.api.AccountApplied(
        new dev.rolectl.engine.api.AccountRef("111111111111", ""), null, null)),
        new java.io.PrintWriter(one));
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

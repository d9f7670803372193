package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.TestCli.Run;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code rolectl apply} in-process against local account files. */
class ApplyCommandTest {
  static final String STACK =
      "apiVersion: rolectl/v1\nstack: demo\nroles:\n"
          + "  app:\n"
          + "    trustPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: \"sts:AssumeRole\"}]}\n"
          + "    managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]\n"
          + "    inlinePolicies:\n"
          + "      logs: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"logs:PutLogEvents\", Resource: \"*\"}]}\n"
          + "  infra:\n"
          + "    trustPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: \"sts:AssumeRole\"}]}\n";

  @TempDir Path dir;
  Path stack;
  Path account;
  String target;

  @BeforeEach
  void setUp() throws Exception {
    stack = Files.writeString(dir.resolve("stack.yaml"), STACK);
    account = dir.resolve("account.json");
    target = "local:" + account;
  }

  Run apply(boolean terminal, String typed, String... args) {
    List<String> all = new ArrayList<>(List.of("apply"));
    all.addAll(List.of(args));
    return TestCli.run(Map.of(), terminal, typed, all.toArray(String[]::new));
  }

  @Test
  void usageShowsThatApplyTakesAStackOrASavedPlan() {
    Run r = apply(false, "", "--help");
    assertTrue(r.out().contains("Usage: rolectl apply [-hV]"), r.out());
    assertTrue(r.out().contains(" PATH|PLANFILE\nWith a stack"), r.out());
    assertTrue(r.out().contains("--format=FORMAT"), r.out());
    Run missing = apply(false, "");
    assertTrue(missing.err().contains("Missing required parameter: 'PATH|PLANFILE'"), missing.toString());
  }

  @Test
  void aPlanFileOfTheFirstFormatIsRefusedWithWhatToDo() throws Exception {
    Path plan = dir.resolve("old.plan.json");
    Run made = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target, "--out", plan.toString());
    assertEquals(0, made.exit(), made.toString());
    Files.writeString(plan, Files.readString(plan).replace("\"formatVersion\" : " + dev.rolectl.engine.plan.Plan.FORMAT_VERSION, "\"formatVersion\" : 1"));

    Run r = apply(false, "", plan.toString(), "--auto-approve");

    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains(plan.toString()), r.toString());
    assertTrue(r.err().contains("older rolectl") && r.err().contains("make the plan again"), r.toString());
    assertFalse(Files.exists(account), "nothing was written");
  }

  @Test
  void withoutATerminalItRefusesToApplyUnapproved() {
    Run r = apply(false, "yes\n", stack.toString(), "--target", target);
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().contains("refusing to apply without confirmation"), r.toString());
    assertTrue(r.out().contains("rolectl will perform the following actions"), r.toString());
    assertFalse(Files.exists(account), "nothing was written");
  }

  @Test
  void anythingButYesCancels() {
    Run r = apply(true, "y\n", stack.toString(), "--target", target);
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.out().contains("Only 'yes' will be accepted"), r.toString());
    assertTrue(r.out().contains("Apply cancelled"), r.toString());
    assertFalse(Files.exists(account));
  }

  @Test
  void yesApplesAndTheNextRunHasNothingToDo() {
    Run r = apply(true, "yes\n", stack.toString(), "--target", target);
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains("roles.app: Creating...\n"), r.toString());
    assertTrue(r.out().matches("(?s).*roles\\.app: Creation complete after [0-9.]+s\n.*"), r.toString());
    assertTrue(r.out().contains("Apply complete! 4 created, 0 updated, 0 replaced, 0 deleted, 0 adopted."), r.toString());
    Run again = apply(false, "", stack.toString(), "--target", target);
    assertEquals(0, again.exit(), again.toString());
    assertTrue(again.out().contains("No changes."), again.toString());
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(strings = {"--format=json", "--json"})
  void jsonLinesForBots(String option) throws Exception {
    Run planned = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target, "--format", "json");
    String digest = new ObjectMapper().readTree(planned.out()).path("digest").asText();
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve", option, "--parallelism", "2");
    assertEquals(0, r.exit(), r.toString());
    ObjectMapper m = new ObjectMapper();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : r.out().split("\n")) {
      lines.add(m.readTree(line));
    }
    assertEquals("plan", lines.get(0).path("type").asText());
    assertEquals(4, lines.get(0).path("changes").path("create").asInt());
    // the digest --approve-broadening must name: the one plan --format json gives for this plan
    assertTrue(digest.matches("sha256:[0-9a-f]{64}"), planned.toString());
    assertEquals(digest, lines.get(0).path("digest").asText(), r.toString());
    assertEquals(4, lines.stream().filter(n -> n.path("type").asText().equals("change_started")).count());
    assertEquals(4, lines.stream().filter(n -> n.path("type").asText().equals("change_finished")).count());
    JsonNode summary = lines.get(lines.size() - 1);
    assertEquals("summary", summary.path("type").asText());
    assertEquals("complete", summary.path("outcome").asText());
    assertEquals(4, summary.path("done").path("create").asInt());
  }

  @Test
  void aFailedChangeIsListedItsDependentsSkippedAndTheRestDone() throws Exception {
    Files.writeString(
        stack,
        STACK + "policies:\n  pass:\n    document: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: \"iam:GetRole\", Resource: \"*\"}]}\n"
            + "    attachTo: {users: [ghost]}\n");
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.out().contains("Apply failed: 1 failed, 0 blocked by safety rules, 0 skipped of 6 changes"), r.toString());
    assertTrue(r.err().contains("Error: policies.pass.attachTo.users.ghost (create): "), r.toString());
    assertTrue(r.err().contains("run apply again"), r.toString());
  }

  @Test
  void aSavedPlanIsAppliedWhileCurrentAndRefusedWhenStale() throws Exception {
    Path planFile = savePlan();
    Run ok = apply(false, "", planFile.toString(), "--target", target);
    assertEquals(0, ok.exit(), ok.toString());
    assertTrue(ok.out().contains("Apply complete! 4 created"), ok.toString());

    Files.writeString(stack, STACK.replace("  infra:", "  infra:\n    description: changed"));
    savePlan();
    try (Target t = Targets.open(target, null)) {
      t.writer().orElseThrow().tagRole("infra", Map.of("touched", "by hand"));
    }
    String before = Files.readString(account);
    Run stale = apply(false, "", planFile.toString(), "--target", target);
    assertEquals(1, stale.exit(), stale.toString());
    assertTrue(
        stale.err().startsWith("error: stale plan: live IAM changed since the plan was made"), stale.toString());
    assertTrue(stale.err().contains("role infra changed"), stale.toString());
    assertEquals(before, Files.readString(account), "a stale plan changes nothing");
  }

  @Test
  void savedPlanErrorsNameTheRealReason() throws Exception {
    Path planFile = savePlan();
    assertEquals(0, apply(false, "", planFile.toString(), "--target", target).exit());
    Run again = apply(false, "", planFile.toString(), "--target", target);
    assertEquals(1, again.exit(), again.toString());
    assertTrue(again.err().startsWith("error: this plan was already applied: live IAM already matches"),
        again.toString());

    Files.writeString(stack, STACK.replace("  infra:", "  infra:\n    description: changed"));
    Path update = savePlan();
    Files.writeString(update, Files.readString(update).replace(
        "\"target\" : \"" + target + "\"", "\"target\" : \"local:target/no-such-dir/account.json\""));
    Run relative = apply(false, "", update.toString());
    assertEquals(1, relative.exit(), relative.toString());
    assertTrue(relative.err().contains("no-such-dir does not exist, and rolectl makes no folder"
        + " for an account file"), relative.toString());
    assertTrue(relative.err().contains("a relative local: path is taken from the current directory"),
        relative.toString());
    assertFalse(Files.exists(Path.of("target/no-such-dir")), "no folder made");

    String json = Files.readString(update);
    Files.writeString(update, json.substring(0, json.length() / 2));
    Run cut = TestCli.run(Map.of(), "show", update.toString());
    assertEquals(1, cut.exit(), cut.toString());
    assertTrue(cut.err().matches("(?s)error: " + java.util.regex.Pattern.quote(update.toString())
        + ":\\d+:\\d+: the saved plan ends too early.*"), cut.toString());

    Files.writeString(update, "{\"stack\": \"demo\", \"roles\": {}}");
    Run notPlan = apply(false, "", update.toString(), "--target", target);
    assertEquals(1, notPlan.exit(), notPlan.toString());
    assertTrue(notPlan.err().contains("not a rolectl plan: a JSON object without formatVersion"),
        notPlan.toString());
    Run yaml = TestCli.run(Map.of(), "show", stack.toString());
    assertTrue(yaml.err().contains(stack + ":1:1: the saved plan is not valid JSON"), yaml.toString());
    assertFalse(yaml.err().contains("truncated"), yaml.toString());
  }

  /**
   * A plan with errors (here a live role whose inline policy rolectl cannot read) is printed by
   * {@code plan --format json} with {@code "errored": true}; saved from there, apply refuses it
   * before anything is locked or read, naming the error, and changes nothing.
   */
  @Test
  void anIncompletePlanSavedFromFormatJsonIsNeverApplied() throws Exception {
    Path golden = Path.of("src/test/resources/golden/unreadable-changes");
    Path odd = Files.copy(golden.resolve("stack.yaml"), dir.resolve("odd.yaml"));
    Files.copy(golden.resolve("account.json"), account);
    Run plan = TestCli.run(Map.of(), "plan", odd.toString(), "--target", target, "--format", "json");
    assertEquals(1, plan.exit(), plan.toString());
    JsonNode json = new ObjectMapper().readTree(plan.out());
    assertTrue(json.path("errored").asBoolean(), plan.out());
    assertEquals(1, json.path("summary").path("create").asInt(), "the part that could be planned");
    Path planFile = Files.writeString(dir.resolve("odd.plan.json"), plan.out());
    String before = Files.readString(account);

    for (String format : List.of("text", "json")) {
      Run r = apply(false, "", planFile.toString(), "--format", format);
      assertEquals(1, r.exit(), r.toString());
      String said = format.equals("json") ? r.out() : r.err();
      assertTrue(said.contains("the saved plan is incomplete: planning found 1 error (")
          && said.contains("error[live-unreadable]: the live role arn:aws:iam::123456789012:role/mine")
          && said.contains("Nothing was changed"), r.toString());
      assertFalse(Files.exists(dir.resolve("account.json.lock"))
          && !Files.readString(dir.resolve("account.json.lock")).isEmpty(), "nothing was locked");
    }
    assertEquals(before, Files.readString(account), "nothing was applied");
  }

  @Test
  void aStackInJsonSyntaxIsAStackByItsYamlName() throws Exception {
    Path json = Files.writeString(dir.resolve("json-stack.yaml"), "{\"apiVersion\": \"rolectl/v1\","
        + " \"stack\": \"js\", \"roles\": {\"app\": {\"trustPolicy\": {\"Version\":"
        + " \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"Service\":"
        + " \"ec2.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}}}}\n");
    Run applied = apply(false, "", json.toString(), "--target", target, "--auto-approve");
    assertEquals(0, applied.exit(), applied.toString());
    assertTrue(applied.out().contains("Apply complete! 1 created"), applied.toString());
    Path notPlan = Files.writeString(dir.resolve("plan.json"), "{\"stack\": \"demo\"}");
    Run refused = apply(false, "", notPlan.toString(), "--target", target);
    assertTrue(refused.err().contains("or a stack: a .yaml or .yml file or a directory"),
        refused.toString());
  }

  @Test
  void aChangeBlockedBySafetyExitsWithThree() throws Exception {
    assertEquals(0, apply(false, "", stack.toString(), "--target", target, "--auto-approve").exit());
    String json = Files.readString(account);
    String ecs =
        "\"ecs\": {\"clusters\": [{\"clusterName\": \"prod\", \"region\": \"us-east-1\", \"services\": [{\"serviceName\": \"web\","
            + " \"loadBalancers\": [{\"targetGroupArn\": \"arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/b/1\","
            + " \"advancedConfiguration\": {\"roleArn\": \"arn:aws:iam::123456789012:role/infra\"}}],"
            + " \"deployments\": [{\"id\": \"d1\", \"status\": \"PRIMARY\", \"rolloutState\": \"IN_PROGRESS\"}]}]}]}";
    Files.writeString(account, json.replaceFirst("\\{", "{" + ecs + ","));
    Files.writeString(stack, STACK.substring(0, STACK.indexOf("  infra:")));
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve");
    assertEquals(3, r.exit(), r.toString());
    assertTrue(r.out().contains("roles.infra: Blocked by a safety rule"), r.toString());
    assertTrue(r.out().contains("Apply blocked: 0 failed, 1 blocked by safety rules, 0 skipped of 1"
        + " change; done: "), r.toString());
    assertTrue(Files.readString(account).contains("\"RoleName\" : \"infra\"") || Files.readString(account).contains("\"RoleName\": \"infra\""));
  }

  @Test
  void aSnapshotCannotBeApplied() throws Exception {
    Files.writeString(account, "{}");
    Run r = apply(false, "", stack.toString(), "--target", "snapshot:" + account, "--auto-approve");
    assertEquals(1, r.exit(), r.toString());
    assertEquals("error: target snapshot:" + account + " is read-only (a snapshot: file is for"
        + " planning only): apply to the account itself with --target aws, or to an account file"
        + " with --target local:FILE\n", r.err());
  }

  /** A plan made against a snapshot says which command applies it (the e2e test runs that). */
  @Test
  void aPlanMadeAgainstASnapshotSaysToApplyItToTheAccount() throws Exception {
    Files.writeString(account, "{}");
    Path planFile = dir.resolve("snap.plan.json");
    Run planned = TestCli.run(Map.of(), "plan", stack.toString(), "--target", "snapshot:" + account,
        "--out", planFile.toString());
    assertEquals(0, planned.exit(), planned.toString());
    Run r = apply(false, "", planFile.toString(), "--auto-approve");
    assertEquals(1, r.exit(), r.toString());
    assertEquals("error: " + planFile + " was planned against snapshot:" + account + ", a snapshot,"
        + " which apply cannot change: apply it to the account the snapshot was taken of with"
        + " rolectl apply " + planFile + " --target aws (with --profile or --region for that"
        + " account if needed). It goes ahead only if that account's IAM still matches the"
        + " snapshot (else it is refused as stale: plan again against the account); nothing was"
        + " changed\n", r.err());
    Run other = apply(false, "", planFile.toString(), "--target", "snapshot:" + stack);
    assertEquals("error: --target snapshot:" + stack + " is read-only (a snapshot: file is for"
        + " planning only): apply changes aws or local:FILE, e.g. rolectl apply " + planFile
        + " --target aws (with --profile or --region for that account if needed)\n", other.err());
  }

  /** --var, --var-file, --account-id and --partition would be ignored with a saved plan. */
  @Test
  void optionsThatResolveAStackAreRefusedWithASavedPlan() throws Exception {
    Path planFile = savePlan();
    Path vars = Files.writeString(dir.resolve("vars.yaml"), "a: b\n");
    Run r = apply(false, "", planFile.toString(), "--var", "a=b", "--var-file", vars.toString(),
        "--account-id", "111122223333", "--partition", "aws-cn", "--auto-approve");
    assertEquals(1, r.exit(), r.toString());
    assertEquals("error: --var, --var-file, --account-id, --partition: these options resolve a"
        + " stack, but " + planFile + " is a saved plan, resolved when it was made (account,"
        + " partition, variables): drop them, or plan again with them and apply that plan\n"
        + "Run 'rolectl apply --help' for usage.\n", r.err());
    Run one = apply(false, "", planFile.toString(), "--partition", "aws", "--auto-approve");
    assertEquals("error: --partition: this option resolves a stack, but " + planFile + " is a"
        + " saved plan, resolved when it was made (account, partition, variables): drop it, or"
        + " plan again with it and apply that plan\n"
        + "Run 'rolectl apply --help' for usage.\n", one.err());
    assertFalse(Files.exists(account), "nothing was applied (the plan creates the account file)");
  }

  /** {@code rolectl plan --out}: the saved plan apply gets. */
  private Path savePlan() {
    Path planFile = dir.resolve("demo.plan.json");
    Run r = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target, "--out", planFile.toString());
    assertEquals(0, r.exit(), r.toString());
    return planFile;
  }
}

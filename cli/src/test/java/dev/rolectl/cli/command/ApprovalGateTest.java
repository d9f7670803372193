package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rolectl.cli.ExitCode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.TestCli.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply --require-approval} and {@code --approve-broadening}, in-process against local
 * account files: a broadening plan needs a person's yes or its digest, even with --auto-approve.
 */
class ApprovalGateTest {
  static final String ROLE = "apiVersion: rolectl/v1\nstack: demo\nroles:\n"
      + "  app:\n"
      + "    trustPolicy: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: \"sts:AssumeRole\"}]}\n"
      + "    inlinePolicies:\n"
      + "      logs: {Version: \"2012-10-17\", Statement: [{Effect: Allow, Action: [\"logs:PutLogEvents\", \"logs:CreateLogStream\"], Resource: \"*\"}]}\n";
  /** The same role with less: no new access. */
  static final String NARROWER = ROLE.replace("[\"logs:PutLogEvents\", \"logs:CreateLogStream\"]",
      "\"logs:PutLogEvents\"");

  @TempDir Path dir;
  Path stack;
  Path account;
  String target;

  @BeforeEach
  void setUp() throws Exception {
    stack = Files.writeString(dir.resolve("stack.yaml"), ROLE);
    account = dir.resolve("account.json");
    target = "local:" + account;
  }

  Run apply(boolean terminal, String typed, String... args) {
    List<String> all = new ArrayList<>(List.of("apply"));
    all.addAll(List.of(args));
    return TestCli.run(Map.of(), terminal, typed, all.toArray(String[]::new));
  }

  /** The digest and verdict of the plan for the stack now, from plan --format json. */
  JsonNode plan() throws Exception {
    Run r = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target, "--format", "json");
    assertEquals(0, r.exit(), r.toString());
    return new ObjectMapper().readTree(r.out());
  }

  @Test
  void aBroadeningPlanWithoutATerminalIsRefusedEvenWithAutoApprove() throws Exception {
    String digest = plan().path("digest").asText();
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve",
        "--require-approval", "broadening");
    assertEquals(ExitCode.APPROVAL_REQUIRED, r.exit(), r.toString());
    assertTrue(r.err().contains("it grants new access (grantsNewAccess: yes)"), r.toString());
    assertTrue(r.err().contains("--approve-broadening " + digest), r.toString());
    assertTrue(r.out().contains("Grants new access: yes"), r.toString());
    assertFalse(Files.exists(account), "nothing was written");
  }

  @Test
  void theDigestOfThePlanApprovesIt() throws Exception {
    JsonNode plan = plan();
    assertEquals(true, plan.path("grantsNewAccess").asBoolean());
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve",
        "--require-approval", "broadening", "--approve-broadening", plan.path("digest").asText());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(Files.readString(account).contains("\"RoleName\": \"app\""), "applied");
  }

  @Test
  void aDigestOfAnotherPlanIsRefused() throws Exception {
    String other = plan().path("digest").asText();
    Files.writeString(stack, ROLE.replace("logs:CreateLogStream", "logs:CreateLogGroup"));
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve",
        "--require-approval", "broadening", "--approve-broadening", other);
    assertEquals(ExitCode.APPROVAL_REQUIRED, r.exit(), r.toString());
    assertTrue(r.err().contains("names another plan"), r.toString());
    assertFalse(Files.exists(account), "nothing was written");
  }

  @Test
  void atATerminalAutoApproveStillAsksForYes() {
    Run no = apply(true, "no\n", stack.toString(), "--target", target, "--auto-approve",
        "--require-approval", "broadening");
    assertEquals(ExitCode.ERROR, no.exit(), no.toString());
    assertTrue(no.out().contains("This plan needs your approval: it grants new access"), no.toString());
    assertTrue(no.out().contains("Apply cancelled"), no.toString());
    assertFalse(Files.exists(account));
    Run yes = apply(true, "yes\n", stack.toString(), "--target", target, "--auto-approve",
        "--require-approval", "broadening");
    assertEquals(0, yes.exit(), yes.toString());
  }

  @Test
  void aPlanThatGrantsNothingNewGoesThroughButAnyChangeStopsIt() throws Exception {
    assertEquals(0, apply(false, "", stack.toString(), "--target", target, "--auto-approve").exit());
    Files.writeString(stack, NARROWER);
    assertEquals(false, plan().path("grantsNewAccess").asBoolean(true));
    Run any = apply(false, "", stack.toString(), "--target", target, "--auto-approve",
        "--require-approval", "any-change");
    assertEquals(ExitCode.APPROVAL_REQUIRED, any.exit(), any.toString());
    assertTrue(any.err().contains("it changes IAM (--require-approval any-change)"), any.toString());
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve",
        "--require-approval", "broadening");
    assertEquals(0, r.exit(), r.toString());
  }

  @Test
  void aSavedPlanIsJudgedFromLiveIamNotFromItsOwnVerdict() throws Exception {
    Path planFile = dir.resolve("app.plan.json");
    Run made = TestCli.run(Map.of(), "plan", stack.toString(), "--target", target, "--out",
        planFile.toString());
    assertEquals(0, made.exit(), made.toString());
    String digest = new ObjectMapper().readTree(Files.readString(planFile)).path("digest").asText();
    // a hostile edit: the file says the plan grants nothing
    String edited = Files.readString(planFile)
        .replace("\"grantsNewAccess\" : true", "\"grantsNewAccess\" : false");
    Files.writeString(planFile, edited);
    Run naive = TestCli.run(Map.of(), "show", planFile.toString());
    assertEquals(1, naive.exit(), "the digest covers the verdict: " + naive);
    // made consistent, as a careful attacker would: the digest made again for the edited verdict
    try {
      dev.rolectl.engine.plan.PlanFile.read(edited);
    } catch (dev.rolectl.engine.plan.PlanFormatException e) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("digest: the file has \"[^\"]*\""
          + " where rolectl writes \"(sha256:[0-9a-f]{64})\"").matcher(e.getMessage());
      assertTrue(m.find(), e.getMessage());
      edited = edited.replace(digest, m.group(1));
    }
    Files.writeString(planFile, edited);
    assertTrue(edited.startsWith("{\n  \"formatVersion\"")
        && edited.contains("\"grantsNewAccess\" : false"), "edited");
    Run shown = TestCli.run(Map.of(), "show", planFile.toString());
    assertTrue(shown.out().contains("Grants new access: no"), "show displays the file's copy: " + shown);
    Run r = apply(false, "", planFile.toString(), "--require-approval", "broadening");
    assertEquals(ExitCode.APPROVAL_REQUIRED, r.exit(), r.toString());
    assertFalse(Files.exists(account), "nothing was written");
    // the approval names the plan apply makes (the reviewed, unedited one), not the file's digest
    Run approved = apply(false, "", planFile.toString(), "--require-approval", "broadening",
        "--approve-broadening", digest);
    assertEquals(0, approved.exit(), approved.toString());
  }

  @Test
  void approvingWithoutRequiringIsAUsageError() {
    Run r = apply(false, "", stack.toString(), "--target", target, "--auto-approve",
        "--approve-broadening", "sha256:00");
    assertEquals(ExitCode.ERROR, r.exit(), r.toString());
    assertTrue(r.err().contains("--approve-broadening approves a plan for --require-approval"),
        r.toString());
    Run bad = apply(false, "", stack.toString(), "--require-approval", "sometimes");
    assertTrue(bad.err().contains("expected never, broadening or any-change"), bad.toString());
  }

  @Test
  void severalAccountsAreRefused() {
    Run r = apply(false, "", stack.toString(), "--accounts", "111111111111", "--assume-role",
        "Deployer", "--require-approval", "broadening");
    assertEquals(ExitCode.ERROR, r.exit(), r.toString());
    assertTrue(r.err().contains("--require-approval is for one account"), r.toString());
  }

  @Test
  void helpNamesTheOptionsAndExitCodeFour() {
    Run r = apply(false, "", "--help");
    assertTrue(r.out().contains("--require-approval=WHEN"), r.out());
    assertTrue(r.out().contains("--approve-broadening=DIGEST"), r.out());
    assertTrue(r.out().contains("  4  approval required"), r.out());
  }
}

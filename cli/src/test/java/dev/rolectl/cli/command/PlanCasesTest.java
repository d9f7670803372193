package dev.rolectl.cli.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10's plan cases (2, 5, 9, 10) through the real CLI against local account files: what
 * means the same is no change, an impact is labelled for what it is, and a live document rolectl
 * cannot model never stops the whole plan.
 */
class PlanCasesTest {
  static final String ACCOUNT = "111122223333";

  /** An account file: role app of stack t, its trust and inline policy p given as JSON. */
  static String account(String trust, String inline, String extraPolicies) {
    return "{\"AccountId\": \"" + ACCOUNT + "\", \"RoleDetailList\": [{\"RoleName\": \"app\", "
        + "\"Path\": \"/\", \"Arn\": \"arn:aws:iam::" + ACCOUNT + ":role/app\", "
        + "\"Tags\": [{\"Key\": \"rolectl:stack\", \"Value\": \"t\"}], "
        + "\"AssumeRolePolicyDocument\": " + trust + ", \"RolePolicyList\": [{\"PolicyName\": "
        + "\"p\", \"PolicyDocument\": " + inline + "}]}], \"Policies\": [" + extraPolicies + "]}";
  }

  static String stack(String trustStatements, String inlineStatements, String extra) {
    return "apiVersion: rolectl/v1\nstack: t\nroles:\n  app:\n    trustPolicy:\n"
        + "      Version: \"2012-10-17\"\n      Statement:\n" + trustStatements
        + "    inlinePolicies:\n      p:\n        Version: \"2012-10-17\"\n        Statement:\n"
        + inlineStatements + extra;
  }

  static final String LIVE_TRUST = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
      + "\"Allow\", \"Principal\": {\"Service\": [\"lambda.amazonaws.com\", "
      + "\"ecs-tasks.amazonaws.com\"]}, \"Action\": \"sts:AssumeRole\"}]}";
  static final String SPLIT_TRUST =
      "        - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}\n"
      + "        - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, "
      + "Action: sts:AssumeRole}\n";
  static final String LIVE_INLINE = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": "
      + "\"Allow\", \"Action\": [\"s3:GetObject\", \"s3:Get*\"], \"Resource\": \"*\", "
      + "\"Condition\": {\"IpAddress\": {\"aws:SourceIp\": \"10.0.0.0/8\"}, \"StringEquals\": "
      + "{\"aws:PrincipalTag/team\": \"\"}}}]}";
  static final String ODD_POLICY = "{\"PolicyName\": \"someone-elses\", \"Arn\": "
      + "\"arn:aws:iam::" + ACCOUNT + ":policy/someone-elses\", \"DefaultVersionId\": \"v1\", "
      + "\"PolicyVersionList\": [{\"VersionId\": \"v1\", \"IsDefaultVersion\": true, "
      + "\"Document\": {\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
      + "\"Action\": \"s3:GetObject\", \"Resource\": \"*\", \"Condition\": {\"ArnEquals\": "
      + "{\"aws:SourceArn\": []}}}]}}]}";

  static Path files(Path dir, String stack, String account) throws Exception {
    Files.writeString(dir.resolve("stack.yaml"), stack);
    Files.writeString(dir.resolve("account.json"), account);
    return dir.resolve("stack.yaml");
  }

  static CliRun plan(Path dir, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "plan";
    args[1] = dir.resolve("stack.yaml").toString();
    args[2] = "--target=snapshot:" + dir.resolve("account.json");
    System.arraycopy(more, 0, args, 3, more.length);
    return CliRun.run(args);
  }

  /** Case 2: documents IAM reads the same are no change, whatever their case and shape. */
  @Test
  void equivalentDocumentsAreNoChange(@TempDir Path dir) throws Exception {
    files(dir, stack(SPLIT_TRUST, "          - {Effect: Allow, Action: [S3:getobject, s3:get*, "
        + "s3:GetObject], Resource: \"*\", Condition: {IpAddress: {aws:sourceip: 10.0.0.0/8}, "
        + "StringEquals: {aws:principaltag/team: \"\"}}}\n", ""),
        account(LIVE_TRUST, LIVE_INLINE, ""));
    CliRun r = plan(dir, "--detailed-exitcode");
    assertEquals(0, r.exitCode(), r.toString());
  }

  /** Case 2: StringEquals to StringLike "ecs*" only broadens. */
  @Test
  void aPureBroadeningIsLabelledSo(@TempDir Path dir) throws Exception {
    String live = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", "
        + "\"Action\": \"iam:PassRole\", \"Resource\": \"*\", \"Condition\": {\"StringEquals\": "
        + "{\"iam:PassedToService\": \"ecs.amazonaws.com\"}}}]}";
    files(dir, stack(SPLIT_TRUST, "          - {Effect: Allow, Action: iam:PassRole, Resource: "
        + "\"*\", Condition: {StringLike: {iam:PassedToService: \"ecs*\"}}}\n", ""),
        account(LIVE_TRUST, live, ""));
    CliRun r = plan(dir, "--detailed-exitcode");
    assertEquals(2, r.exitCode(), r.toString());
    assertTrue(r.out().contains("[broadens access]"), r.out());
    assertFalse(r.out().contains("narrows"), r.out());
  }

  /** Case 9: an empty condition value shows as "" in text and Markdown plans. */
  @Test
  void emptyConditionValueIsVisible(@TempDir Path dir) throws Exception {
    files(dir, stack(SPLIT_TRUST, "          - {Effect: Allow, Action: s3:GetObject, Resource: "
        + "\"*\"}\n", ""), account(LIVE_TRUST, LIVE_INLINE, ""));
    CliRun text = plan(dir);
    assertEquals(0, text.exitCode(), text.toString());
    assertTrue(text.out().contains("aws:PrincipalTag/team = \"\""), text.out());
    CliRun md = plan(dir, "--format", "markdown");
    assertTrue(md.out().contains("aws:PrincipalTag/team = \"\""), md.out());
  }

  /** Case 5: one odd document the stack does not mention never stops the plan. */
  @Test
  void anOddUndeclaredPolicyIsOnlyAWarning(@TempDir Path dir) throws Exception {
    files(dir, stack(SPLIT_TRUST, "          - {Effect: Allow, Action: s3:GetObject, "
        + "Resource: \"*\"}\n", ""), account(LIVE_TRUST, LIVE_INLINE, ODD_POLICY));
    CliRun r = plan(dir);
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("warning[live-unreadable-ignored]"), r.err());
    assertTrue(r.err().contains("arn:aws:iam::" + ACCOUNT + ":policy/someone-elses"), r.err());
    assertTrue(r.out().contains("roles.app"), "the plan is shown: " + r.out());
  }

  /** Case 5: a declared one is an error; the plan for the rest is still shown, not saved. */
  @Test
  void anOddDeclaredPolicyIsAnErrorButTheRestIsShown(@TempDir Path dir) throws Exception {
    files(dir, stack(SPLIT_TRUST, "          - {Effect: Allow, Action: s3:GetObject, "
        + "Resource: \"*\"}\n", "policies:\n  someone-elses:\n    adopt: true\n    document:\n"
        + "      Version: \"2012-10-17\"\n      Statement:\n        - {Effect: Allow, "
        + "Action: s3:GetObject, Resource: \"*\"}\n"), account(LIVE_TRUST, LIVE_INLINE, ODD_POLICY));
    CliRun r = plan(dir, "--out", dir.resolve("plan.json").toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("error[live-unreadable]"), r.err());
    assertTrue(r.err().contains("stack.yaml:"), "located at the declaration: " + r.err());
    assertTrue(r.out().contains("roles.app"), r.out());
    assertFalse(r.out().contains("# policies.someone-elses"), "left out of the changes: " + r.out());
    assertTrue(r.out().contains("Plan incomplete: 1 error, so this plan cannot be applied until it"
        + " is fixed:\n  - policies.someone-elses at "), "named in the headline: " + r.out());
    assertFalse(Files.exists(dir.resolve("plan.json")), "an incomplete plan is not saved");
  }

  /** Case 10: broken JSON in a live document: the message names it, without parser internals. */
  @Test
  void brokenLiveJsonIsNamedPlainly(@TempDir Path dir) throws Exception {
    String broken = "\"%7B%22Version%22%3A%222012-10-17%22%2C%22Statement%22%3A%5B\"";
    String account = account(LIVE_TRUST, LIVE_INLINE, "").replace("\"RoleDetailList\": [",
        "\"RoleDetailList\": [{\"RoleName\": \"legacy\", \"Path\": \"/\", "
        + "\"AssumeRolePolicyDocument\": " + broken + "}, ");
    files(dir, stack(SPLIT_TRUST, "          - {Effect: Allow, Action: s3:GetObject, "
        + "Resource: \"*\"}\n", ""), account);
    CliRun r = plan(dir);
    assertEquals(0, r.exitCode(), r.toString());
    assertTrue(r.err().contains("arn:aws:iam::" + ACCOUNT + ":role/legacy"), r.err());
    assertTrue(r.err().contains("not valid JSON at line 1, column"), r.err());
    for (String internal : new String[] {"Source", "REDACTED", "StreamReadFeature"}) {
      assertFalse(r.err().contains(internal), r.err());
    }
    CliRun imported = CliRun.run("import", "legacy", "--stack", "t",
        "--target=snapshot:" + dir.resolve("account.json"));
    assertEquals(1, imported.exitCode(), imported.toString());
    assertTrue(imported.err().contains("cannot import role arn:aws:iam::" + ACCOUNT
        + ":role/legacy: the trust policy of role legacy is not a policy document"),
        imported.err());
  }
}

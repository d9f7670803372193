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
 * The ten cases of issue 10 through the real CLI (in-process), against stack files and local
 * account files: each gets the outcome IAM would give it, before anything is applied.
 */
class PolicyCasesTest {
  static final String ROLE = "apiVersion: rolectl/v1\nstack: t\nroles:\n  app:\n"
      + "    trustPolicy:\n      Version: \"2012-10-17\"\n      Statement:\n"
      + "        - {Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, "
      + "Action: sts:AssumeRole}\n";

  static Path write(Path dir, String yaml) throws Exception {
    Path file = dir.resolve("stack.yaml");
    Files.writeString(file, yaml);
    return file;
  }

  static String inline(String statement) {
    return ROLE + "    inlinePolicies:\n      p:\n        Version: \"2012-10-17\"\n"
        + "        Statement:\n          - " + statement + "\n";
  }

  /** Case 1: typos fail validate (and so plan) before anything is applied. */
  @Test
  void typosAreCaughtByValidate(@TempDir Path dir) throws Exception {
    Path operator = write(dir, inline("{Effect: Allow, Action: iam:PassRole, Resource: \"*\", "
        + "Condition: {StringEqual: {iam:PassedToService: ecs.amazonaws.com}}}"));
    CliRun r = CliRun.run("validate", operator.toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains(operator + ":13:"), r.err());
    assertTrue(r.err().contains("error[unknown-condition-operator]"), r.err());
    assertTrue(r.err().contains("did you mean 'StringEquals'?"), r.err());
    CliRun plan = CliRun.run("plan", operator.toString(), "--target",
        "local:" + dir.resolve("account.json"));
    assertEquals(1, plan.exitCode(), plan.toString());
    assertFalse(Files.exists(dir.resolve("account.json")), "nothing was written");

    Path action = write(dir, inline("{Effect: Allow, Action: iam:PassRol, Resource: \"*\"}"));
    CliRun warned = CliRun.run("validate", action.toString());
    assertEquals(0, warned.exitCode(), warned.toString());
    assertTrue(warned.err().contains("warning[unknown-action]"), warned.err());
    assertTrue(warned.err().contains("did you mean 'iam:PassRole'?"), warned.err());
    assertEquals(1, CliRun.run("validate", action.toString(), "--strict").exitCode());

    Path arn = write(dir, ROLE + "    managedPolicies:\n"
        + "      - arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancer\n");
    CliRun typo = CliRun.run("validate", arn.toString(), "--strict");
    assertEquals(1, typo.exitCode(), typo.toString());
    assertTrue(typo.err().contains(
        "did you mean 'AmazonECSInfrastructureRolePolicyForLoadBalancers'?"), typo.err());
  }

  /** Case 3: NotPrincipal in a trust policy. */
  @Test
  void notPrincipalInTrustIsAnError(@TempDir Path dir) throws Exception {
    Path f = write(dir, ROLE.replace("Principal: {Service: ecs-tasks.amazonaws.com}",
        "NotPrincipal: {AWS: \"arn:aws:iam::111122223333:user/x\"}"));
    CliRun r = CliRun.run("validate", f.toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains(f + ":8:"), r.err());
    assertTrue(r.err().contains("error[trust-not-principal]"), r.err());
  }

  /** Case 4: no Version is a warning; with a policy variable an error. */
  @Test
  void missingVersion(@TempDir Path dir) throws Exception {
    Path plain = write(dir, ROLE + "    inlinePolicies:\n      p:\n        Statement:\n"
        + "          - {Effect: Allow, Action: s3:GetObject, Resource: \"*\"}\n");
    CliRun w = CliRun.run("validate", plain.toString());
    assertEquals(0, w.exitCode(), w.toString());
    assertTrue(w.err().contains("warning[missing-version]"), w.err());
    Path variable = write(dir, ROLE + "    inlinePolicies:\n      p:\n        Statement:\n"
        + "          - {Effect: Allow, Action: s3:GetObject, "
        + "Resource: \"arn:aws:s3:::b/${aws:username}/*\"}\n");
    CliRun e = CliRun.run("validate", variable.toString());
    assertEquals(1, e.exitCode(), e.toString());
    assertTrue(e.err().contains("error[policy-variables-need-version]"), e.err());
  }

  /** Case 6: a description IAM refuses fails validate, even without --strict. */
  @Test
  void descriptionWithAnEmDash(@TempDir Path dir) throws Exception {
    Path f = write(dir, ROLE.replace("  app:\n", "  app:\n    description: Runs nightly batch "
        + "jobs \u2014 owned by the data team\n"));
    CliRun r = CliRun.run("validate", f.toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains(f + ":5:"), r.err());
    assertTrue(r.err().contains("printable Latin-1"), r.err());
    // the schema checks values after references and variables are expanded
    Path viaVar = write(dir, ROLE.replace("  app:\n", "  app:\n    description: ${var.d}\n"));
    CliRun v = CliRun.run("validate", viaVar.toString(), "--var", "d=batch \u2014 data team");
    assertEquals(1, v.exitCode(), v.toString());
    assertTrue(v.err().contains(viaVar + ":5:"), v.err());
    assertTrue(v.err().contains("printable Latin-1"), v.err());
  }

  /** Case 7: a path-less AWS managed policy ARN and a service-linked role's policy. */
  @Test
  void awsManagedPolicyArnsThatCannotWork(@TempDir Path dir) throws Exception {
    Path f = write(dir, ROLE + "    managedPolicies:\n"
        + "      - arn:aws:iam::aws:policy/AWSLambdaBasicExecutionRole\n"
        + "      - arn:aws:iam::aws:policy/aws-service-role/AmazonECSServiceRolePolicy\n");
    CliRun r = CliRun.run("validate", f.toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("error[aws-managed-policy-path]"), r.err());
    assertTrue(r.err().contains("did you mean arn:aws:iam::aws:policy/service-role/"
        + "AWSLambdaBasicExecutionRole?"), r.err());
    assertTrue(r.err().contains("error[service-linked-role-policy]"), r.err());
  }

  /** Case 8: characters beyond U+00FF in a policy document. */
  @Test
  void charactersBeyondLatin1(@TempDir Path dir) throws Exception {
    Path f = write(dir, inline("{Sid: \u30d0\u30b1\u30c3\u30c8, Effect: Allow, "
        + "Action: s3:GetObject, Resource: \"arn:aws:s3:::b/\uD83D\uDE00\"}"));
    CliRun r = CliRun.run("validate", f.toString());
    assertEquals(1, r.exitCode(), r.toString());
    assertTrue(r.err().contains("error[policy-characters]"), r.err());
    assertTrue(r.err().contains(f + ":13:"), r.err());
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Issue 10 against a real moto server through the real CLI: a rewrite IAM reads the same is no
 * change; an odd customer policy elsewhere in the account is only a warning; an attached managed
 * policy that does not exist is a located error before anything is applied, found with one
 * GetPolicy per distinct ARN.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class PolicyMeaningMotoE2E {
  static final String HEAD = "apiVersion: rolectl/v1\nstack: meaning\nroles:\n  worker:\n"
      + "    trustPolicy:\n      Version: \"2012-10-17\"\n      Statement:\n";
  static final String TRUST_ONE = "        - {Effect: Allow, Principal: {Service: "
      + "[lambda.amazonaws.com, ecs-tasks.amazonaws.com]}, Action: sts:AssumeRole}\n";
  static final String TRUST_SPLIT = "        - {Effect: Allow, Principal: {Service: "
      + "lambda.amazonaws.com}, Action: sts:AssumeRole}\n        - {Effect: Allow, Principal: "
      + "{Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}\n";
  static final String INLINE = "    inlinePolicies:\n      read:\n        Version: \"2012-10-17\"\n"
      + "        Statement:\n          - {Effect: Allow, Action: %s, Resource: \"*\", "
      + "Condition: {IpAddress: {%s: 10.0.0.0/8}}}\n";
  static final String LB = "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";

  static CliRun rolectl(Moto moto, Path dir, String... args) {
    return RolectlProcess.run(dir, moto.env(), args);
  }

  @Test
  void meaningNotSpellingDecides(Moto moto, @TempDir Path dir) throws Exception {
    Path stack = dir.resolve("stack.yaml");
    Files.writeString(stack, HEAD + TRUST_ONE + INLINE.formatted("s3:GetObject", "aws:SourceIp"));
    CliRun apply = rolectl(moto, dir, "apply", stack.toString(), "--auto-approve");
    assertEquals(0, apply.exitCode(), apply.toString());

    // the same meaning written differently: split trust, case, a duplicate: no change
    Files.writeString(stack, HEAD + TRUST_SPLIT
        + INLINE.formatted("[S3:getobject, s3:GetObject]", "aws:sourceip"));
    CliRun same = rolectl(moto, dir, "plan", stack.toString(), "--detailed-exitcode");
    assertEquals(0, same.exitCode(), same.toString());

    // an odd customer policy someone else made: a warning naming it, the plan goes on
    try (IamClient iam = moto.iam()) {
      iam.createPolicy(r -> r.policyName("someone-elses").policyDocument("{\"Version\":"
          + "\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"*\",\"Condition\":{\"ArnEquals\":{\"aws:SourceArn\":[]}}}]}"));
    }
    CliRun odd = rolectl(moto, dir, "plan", stack.toString(), "--detailed-exitcode");
    assertEquals(0, odd.exitCode(), odd.toString());
    assertTrue(odd.err().contains("warning[live-unreadable-ignored]"), odd.err());
    assertTrue(odd.err().contains(":policy/someone-elses"), odd.err());

    // a managed policy that does not exist: a located error, nothing applied
    Files.writeString(stack, HEAD + TRUST_SPLIT
        + INLINE.formatted("s3:GetObject", "aws:SourceIp") + "    managedPolicies:\n"
        + "      - " + LB + "\n      - arn:aws:iam::aws:policy/NoSuchPolicyAnywhere\n"
        + "      - arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/not-created\n");
    CliRun missing = rolectl(moto, dir, "plan", stack.toString(), "--stats");
    assertEquals(1, missing.exitCode(), missing.toString());
    assertTrue(missing.err().contains(stack + ":17:"), missing.err());
    assertTrue(missing.err().contains("error[missing-managed-policy]"), missing.err());
    assertTrue(missing.err().contains("NoSuchPolicyAnywhere"), missing.err());
    assertTrue(missing.err().contains("policy/not-created, which does not exist"), missing.err());
    assertFalse(missing.err().contains(LB + ", which does not exist"), missing.err());
    assertTrue(missing.err().matches("(?s).*GetPolicy\\s+3\\b.*"),
        "one GetPolicy for each distinct ARN the bulk read lacks: " + missing.err());
    CliRun refused = rolectl(moto, dir, "apply", stack.toString(), "--auto-approve");
    assertEquals(1, refused.exitCode(), refused.toString());
    try (IamClient iam = moto.iam()) {
      assertTrue(iam.listAttachedRolePolicies(r -> r.roleName("worker")).attachedPolicies()
          .isEmpty(), "nothing was attached");
    }
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import dev.rolectl.engine.live.IamWriter;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * Drift repair: after the cross-refs scenario is applied, roles and policies are changed out of
 * band (through the SDK on moto, through the file on local) in every attribute rolectl manages;
 * one apply puts everything back and the next finds nothing to do.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ApplyDriftE2E {
  static final Path STACK = Path.of("src/test/resources/apply/scenarios/cross-refs");
  static final String ACCOUNT = "arn:aws:iam::123456789012:";
  static final String EC2_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
  static final String WIDE = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:*\",\"Resource\":\"*\"}]}";
  static final String READ_ONLY = "arn:aws:iam::aws:policy/ReadOnlyAccess";
  static final String S3_READ = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess";
  static final String DEPLOY = ACCOUNT + "policy/app/deploy";

  @Test
  void outOfBandChangesAreRevertedOnMoto(Moto moto) {
    Side side = Side.moto(moto);
    applyClean(side);
    try (IamClient iam = moto.iam()) {
      iam.updateAssumeRolePolicy(r -> r.roleName("worker").policyDocument(EC2_TRUST));
      iam.untagRole(r -> r.roleName("deployer").tagKeys("role"));
      iam.tagRole(r -> r.roleName("deployer").tags(t -> t.key("extra").value("x")));
      iam.updateRole(r -> r.roleName("deployer").description("changed by hand").maxSessionDuration(3600));
      iam.deleteRolePermissionsBoundary(r -> r.roleName("deployer"));
      iam.detachRolePolicy(r -> r.roleName("deployer").policyArn(READ_ONLY));
      iam.attachRolePolicy(r -> r.roleName("deployer").policyArn(S3_READ));
      iam.putRolePolicy(r -> r.roleName("deployer").policyName("backdoor").policyDocument(WIDE));
      iam.deleteRolePolicy(r -> r.roleName("deployer").policyName("readRoles"));
      iam.createPolicyVersion(r -> r.policyArn(DEPLOY).policyDocument(WIDE).setAsDefault(true));
      iam.tagPolicy(r -> r.policyArn(DEPLOY).tags(t -> t.key("extra").value("x")));
    }
    repairAndCheck(side);
  }

  @Test
  void outOfBandChangesAreRevertedOnLocal(@TempDir Path dir) {
    Side side = Side.local(dir.resolve("account.json"));
    applyClean(side);
    try (Target t = Targets.open(side.target(), null)) {
      IamWriter w = t.writer().orElseThrow();
      w.updateAssumeRolePolicy("worker", PolicyParser.parseJson(EC2_TRUST).document().orElseThrow());
      w.untagRole("deployer", List.of("role"));
      w.tagRole("deployer", Map.of("extra", "x"));
      w.updateRole("deployer", "changed by hand", 3600);
      w.deleteRolePermissionsBoundary("deployer");
      w.detachPolicy(PrincipalType.ROLE, "deployer", READ_ONLY);
      w.attachPolicy(PrincipalType.ROLE, "deployer", S3_READ);
      w.putRolePolicy("deployer", "backdoor", PolicyParser.parseJson(WIDE).document().orElseThrow());
      w.deleteRolePolicy("deployer", "readRoles");
      w.createPolicyVersion(DEPLOY, PolicyParser.parseJson(WIDE).document().orElseThrow());
      w.tagPolicy(DEPLOY, Map.of("extra", "x"));
    }
    repairAndCheck(side);
  }

  static void applyClean(Side side) {
    TestCli.Run r = side.rolectl("apply", STACK.toString(), "--auto-approve");
    assertEquals(0, r.exit(), r::toString);
  }

  static void repairAndCheck(Side side) {
    TestCli.Run repaired = side.rolectl("apply", STACK.toString(), "--auto-approve");
    assertEquals(0, repaired.exit(), repaired::toString);
    assertTrue(repaired.out().contains("roles.deployer: Modifying..."), repaired::toString);
    assertTrue(repaired.out().contains("roles.deployer.inlinePolicies.backdoor: Destroying..."), repaired::toString);
    TestCli.Run again = side.rolectl("apply", STACK.toString());
    assertEquals(0, again.exit(), again::toString);
    assertTrue(again.out().contains("No changes."), again::toString);

    LiveAccount live = side.read();
    LiveRole deployer = live.roles().get("deployer");
    assertEquals("Deploys the app", deployer.description());
    assertEquals(7200, deployer.maxSessionDuration());
    assertEquals(ACCOUNT + "policy/boundaries/boundary", deployer.permissionsBoundaryArn());
    assertEquals(Map.of("owner", "platform", "role", "deployer", "rolectl:stack", "cross-refs"), deployer.tags());
    assertEquals(List.of("readRoles"), List.copyOf(deployer.inlinePolicies().keySet()));
    assertTrue(deployer.attachedPolicyArns().contains(READ_ONLY));
    assertFalse(deployer.attachedPolicyArns().contains(S3_READ));
    assertTrue(live.roles().get("worker").trustPolicy().toString().contains("role/ci/deployer"));
    assertFalse(live.policies().get("deploy").tags().containsKey("extra"));
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.NarrowingStacks.Narrowing;
import dev.rolectl.cli.e2e.ecsapi.EcsApiServer;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The three narrowing holes of the interlock on moto (IAM with the AWS managed policies loaded;
 * {@code MOTO_ECS_SERVICE_RUNNING=0}: service web's rollout stays {@code IN_PROGRESS}, the server
 * shared with {@link InterlockMotoE2E}): a Deny or an unread AWS managed policy arriving as a new
 * policy, a trust policy narrowed through a Condition or a conditional Deny, and the customer
 * managed policy that is the role's permissions boundary (set by hand, as {@code
 * put-role-permissions-boundary}) or attached to it by hand, narrowed by another stack. Plan and
 * apply exit 3 and IAM stays as it was. The last test asks ECS through the loopback {@link
 * EcsApiServer} instead, which stands in for real ECS's ListServiceDeployments (moto has no
 * service deployments): blocked while a deployment is IN_PROGRESS, made once it is SUCCESSFUL.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
@MotoServer.Env({"MOTO_ECS_SERVICE_RUNNING=0"})
class NarrowingInterlockMotoE2E {
  static EcsApiServer server;
  @TempDir Path dir;

  @BeforeAll
  static void start() {
    server = new EcsApiServer(MotoInstall.venv());
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The role's trust, attachments, tags and inline policy names, as IAM has them. */
  record RoleState(InterlockIam iam, List<String> inline) {
    static RoleState read(Moto moto) {
      try (IamClient iam = moto.iam()) {
        return new RoleState(InterlockIam.read(moto).orElseThrow(),
            iam.listRolePolicies(r -> r.roleName(EcsSeed.ROLE)).policyNames());
      }
    }
  }

  private static String boundDocument(Moto moto) {
    try (IamClient iam = moto.iam()) {
      String arn = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/" + NarrowingStacks.BOUND;
      String version = iam.getPolicy(r -> r.policyArn(arn)).policy().defaultVersionId();
      return URLDecoder.decode(iam.getPolicyVersion(r -> r.policyArn(arn).versionId(version))
          .policyVersion().document(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void newDeniesAndConditionsAreBlockedAndChangeNothing(Moto moto) {
    EcsSeed.create(moto);
    Side side = Side.moto(moto);
    RoleState before = RoleState.read(moto);
    for (Narrowing n : Narrowing.values()) { // apply prints the plan with its verdicts first
      TestCli.Run apply =
          side.rolectl("apply", NarrowingStacks.write(dir, n).toString(), "--auto-approve");
      assertTrue(apply.out().contains(n.label), n + "\n" + apply);
      if (n.rule == null) {
        assertEquals(0, apply.exit(), n + "\n" + apply);
        assertEquals(List.of("extra"), RoleState.read(moto).inline(), "an allow-only policy goes in");
        try (IamClient iam = moto.iam()) {
          iam.deleteRolePolicy(r -> r.roleName(EcsSeed.ROLE).policyName("extra"));
        }
        continue;
      }
      assertEquals(3, apply.exit(), n + "\n" + apply);
      assertTrue(apply.out().contains("BLOCKED [" + n.rule + "]"), n + "\n" + apply);
      assertTrue(apply.out().contains(n.says), n + "\n" + apply);
      assertTrue(apply.out().contains("rollout IN_PROGRESS"), n + "\n" + apply);
      assertTrue(apply.out().contains("Blocked by a safety rule"), n + "\n" + apply);
      assertEquals(before, RoleState.read(moto), n + ": nothing changed");
    }
  }

  /**
   * Breaker's F1 on moto: another stack's {@code attachTo: {roles: [NAME]}} with the role's name
   * in upper case (IAM role names ignore case; moto's do not, so a made attach would fail there
   * with NoSuchEntity): plan and apply block it, and IAM stays as it was.
   */
  @Test
  void aDenyAttachedToTheRoleUnderAnotherSpellingIsBlocked(Moto moto) {
    EcsSeed.create(moto);
    Side side = Side.moto(moto);
    RoleState before = RoleState.read(moto);
    String other = NarrowingStacks.denyAttachedInUpperCase(dir, false).toString();

    TestCli.Run plan = side.rolectl("plan", other, "--detailed-exitcode");
    assertEquals(3, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("BLOCKED [ecs-role-narrowing]"), plan::toString);
    assertTrue(plan.out().contains("rollout IN_PROGRESS"), plan::toString);
    TestCli.Run apply = side.rolectl("apply", other, "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertTrue(apply.out().contains("Blocked by a safety rule"), apply::toString);
    assertEquals(before, RoleState.read(moto));
  }

  @Test
  void narrowingTheBoundaryPolicyOrOneAttachedByHandIsBlocked(Moto moto) {
    EcsSeed.create(moto);
    Side side = Side.moto(moto);
    String narrow = NarrowingStacks.bound(dir, false).toString();
    TestCli.Run made = side.rolectl("apply", NarrowingStacks.bound(dir, true).toString(), "--auto-approve");
    assertEquals(0, made.exit(), made::toString);
    String arn = "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/" + NarrowingStacks.BOUND;
    try (IamClient iam = moto.iam()) {
      iam.putRolePermissionsBoundary(r -> r.roleName(EcsSeed.ROLE).permissionsBoundary(arn));
    }
    String wide = boundDocument(moto);

    TestCli.Run plan = side.rolectl("plan", narrow);
    assertEquals(3, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("[narrows access]"), plan::toString);
    assertTrue(plan.out().contains("BLOCKED [ecs-role-narrowing]: Narrowing customer managed policy"
        + " bound, the permissions boundary of role " + EcsSeed.ROLE), plan::toString);
    TestCli.Run apply = side.rolectl("apply", narrow, "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertEquals(wide, boundDocument(moto), "the boundary policy is as it was");

    try (IamClient iam = moto.iam()) {
      iam.deleteRolePermissionsBoundary(r -> r.roleName(EcsSeed.ROLE));
      iam.attachRolePolicy(r -> r.roleName(EcsSeed.ROLE).policyArn(arn));
    }
    TestCli.Run attached = side.rolectl("apply", narrow, "--auto-approve");
    assertEquals(3, attached.exit(), attached::toString);
    assertTrue(attached.out().contains("bound, attached to role " + EcsSeed.ROLE), attached::toString);
    assertEquals(wide, boundDocument(moto));
  }

  /**
   * Stands in for real ECS answering ListServiceDeployments and DescribeServiceDeployments with
   * a deployment IN_PROGRESS in TEST_TRAFFIC_SHIFT, then SUCCESSFUL.
   */
  @Test
  void withTheServiceDeploymentsApiEachHoleIsBlockedUntilTheDeploymentIsOver(Moto moto) {
    server.reset();
    EcsApiFixture fx = new EcsApiFixture(moto, server);
    fx.seedRole();
    ObjectNode web = fx.web("us-east-1");
    String d = fx.deployment("us-east-1", web, "IN_PROGRESS", "TEST_TRAFFIC_SHIFT");
    TestCli.Run made = fx.rolectl("apply", NarrowingStacks.bound(dir, true).toString(), "--auto-approve");
    assertEquals(0, made.exit(), made::toString);
    try (IamClient iam = moto.iam()) {
      iam.putRolePermissionsBoundary(r -> r.roleName(EcsSeed.ROLE).permissionsBoundary(
          "arn:aws:iam::" + Moto.ACCOUNT_ID + ":policy/" + NarrowingStacks.BOUND));
    }
    RoleState before = RoleState.read(moto);
    String wide = boundDocument(moto);
    List<String> stacks = List.of( // the boundary first: stack ecs-platform does not declare it
        NarrowingStacks.bound(dir, false).toString(),
        NarrowingStacks.write(dir, Narrowing.DENY_ALL_ATTACHED).toString(),
        NarrowingStacks.write(dir, Narrowing.TRUST_OTHER_ACCOUNT).toString());
    for (String stack : stacks) {
      TestCli.Run apply = fx.rolectl("apply", stack, "--auto-approve");
      assertEquals(3, apply.exit(), apply::toString);
      assertTrue(apply.out().contains(d) && apply.out().contains("source: ListServiceDeployments"),
          apply::toString);
      assertEquals(before, RoleState.read(moto));
      assertEquals(wide, boundDocument(moto));
    }

    fx.ecs.world.setDeploymentStatus("us-east-1", "SUCCESSFUL");
    for (String stack : stacks) {
      TestCli.Run apply = fx.rolectl("apply", stack, "--auto-approve");
      assertEquals(0, apply.exit(), apply::toString);
    }
    assertNotEquals(wide, boundDocument(moto));
    assertTrue(RoleState.read(moto).iam().trust().contains("999999999999"));
    fx.assertNoModelViolations();
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.cli.TestCli;
import dev.rolectl.cli.e2e.NarrowingStacks.Narrowing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The three narrowing holes of the interlock on a {@code local:} account file whose {@code ecs}
 * section says service web's deployment of the guide's role is under way: a Deny (or an AWS
 * managed policy whose document is not read) arriving as a new policy, a trust policy narrowed
 * through a Condition or a conditional Deny, and the customer managed policy that is the role's
 * permissions boundary (or attached to it by hand) narrowed by another stack. Each is labelled as
 * narrowing, blocked by plan (exit 3) and apply (exit 3, the role as it was), and goes through once
 * the deployment is over. In-process CLI runs.
 */
@Tag("e2e")
class NarrowingInterlockLocalE2E {
  static final ObjectMapper JSON = new ObjectMapper();
  @TempDir Path dir;
  Path account;
  String target;

  @BeforeEach
  void roleExists() {
    account = InterlockStacks.localAccountWithTheRole(dir);
    target = "local:" + account;
  }

  private TestCli.Run rolectl(String... args) {
    return InterlockStacks.rolectl(target, args);
  }

  /** The account file's entry for {@code name} in {@code list} (RoleDetailList, Policies). */
  private JsonNode entry(String list, String key, String name) throws Exception {
    for (JsonNode n : JSON.readTree(account.toFile()).path(list)) {
      if (n.path(key).asText().equals(name)) {
        return n;
      }
    }
    return null;
  }

  private JsonNode role() throws Exception {
    return entry("RoleDetailList", "RoleName", InterlockStacks.ROLE);
  }

  @Test
  void newDeniesAndConditionsAreBlockedDuringTheDeploymentAndGoThroughAfterIt() throws Exception {
    for (Narrowing n : Narrowing.values()) {
      InterlockStacks.setDeployment(account, "IN_PROGRESS");
      JsonNode before = role();
      String stack = NarrowingStacks.write(dir, n).toString();

      TestCli.Run plan = rolectl("plan", stack);
      assertTrue(plan.out().contains(n.label), n + "\n" + plan);
      TestCli.Run apply = rolectl("apply", stack, "--auto-approve");
      if (n.rule == null) {
        assertEquals(0, plan.exit(), n + "\n" + plan);
        assertEquals(0, apply.exit(), n + "\n" + apply);
        assertTrue(role().path("RolePolicyList").size() > 0, "the allow-only policy was added");
      } else {
        assertEquals(3, plan.exit(), n + "\n" + plan);
        assertTrue(plan.out().contains("BLOCKED [" + n.rule + "]"), n + "\n" + plan);
        assertTrue(plan.out().contains(n.says), n + "\n" + plan);
        assertTrue(plan.out().contains("deployment ecs-svc/1"), n + "\n" + plan);
        if (n.condition()) {
          assertTrue(plan.out().contains("rolectl cannot evaluate a condition for ECS"), n + "\n" + plan);
        } else if (n.trust()) {
          assertTrue(plan.out().contains("AWS does not document that service principals match"
              + " ignoring case"), n + "\n" + plan);
        }
        assertEquals(3, apply.exit(), n + "\n" + apply);
        assertTrue(apply.out().contains("Blocked by a safety rule"), n + "\n" + apply);
        assertEquals(before, role(), n + ": a blocked apply leaves the role as it was");

        InterlockStacks.setDeployment(account, "COMPLETED");
        TestCli.Run after = rolectl("apply", stack, "--auto-approve");
        assertEquals(0, after.exit(), n + "\n" + after);
        assertTrue(after.out().contains("WARNING [" + n.rule + "]"), n + "\n" + after);
        assertFalse(before.equals(role()), n + ": applied once the deployment is over");
      }
      InterlockStacks.setDeployment(account, "COMPLETED"); // taking the extra policy away narrows
      TestCli.Run restored = rolectl("apply", InterlockStacks.full(dir).toString(), "--auto-approve");
      assertEquals(0, restored.exit(), restored::toString);
    }
  }

  /**
   * Breaker's F1: IAM role names ignore case, so another stack's {@code attachTo: {roles: [NAME]}}
   * with the role's name in upper case attaches to the deploying role: blocked by plan and apply,
   * and by {@code apply PLANFILE} when the deployment started after the plan; the role's own stack
   * spelling it so is refused by validation, as with the name written as declared.
   */
  @Test
  void aDenyAttachedToTheRoleUnderAnotherSpellingIsBlocked() throws Exception {
    String other = NarrowingStacks.denyAttachedInUpperCase(dir, false).toString();
    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    JsonNode before = role();

    TestCli.Run plan = rolectl("plan", other, "--detailed-exitcode");
    assertEquals(3, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("[narrows access]"), plan::toString);
    assertTrue(plan.out().contains("BLOCKED [ecs-role-narrowing]: Attaching arn:aws:iam::"), plan::toString);
    assertTrue(plan.out().contains("deployment ecs-svc/1"), plan::toString);
    TestCli.Run apply = rolectl("apply", other, "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertEquals(before, role(), "the Deny is not attached");

    InterlockStacks.setDeployment(account, "COMPLETED");
    Path saved = dir.resolve("upper-plan.json");
    TestCli.Run planned = rolectl("plan", other, "--out", saved.toString());
    assertEquals(0, planned.exit(), planned::toString);
    assertTrue(planned.out().contains("WARNING [ecs-role-narrowing]"), planned::toString);
    InterlockStacks.setDeployment(account, "IN_PROGRESS"); // a deployment starts after the plan
    TestCli.Run late = InterlockStacks.rolectl(target, "apply", saved.toString(), "--auto-approve");
    assertEquals(3, late.exit(), late::toString);
    assertTrue(late.out().contains("ecs-role-narrowing"), late::toString);
    assertEquals(before, role(), "the saved plan's attachment is blocked by the re-check");

    TestCli.Run own = rolectl("plan", NarrowingStacks.denyAttachedInUpperCase(dir, true).toString());
    assertEquals(1, own.exit(), own::toString);
    assertTrue(own.err().contains("is managed by this stack (as " + InterlockStacks.ROLE), own::toString);
    assertEquals(before, role());
  }

  /** Makes the role's permissions boundary policy {@code bound} (by hand, as put-role-permissions-boundary). */
  private void setBoundary(String arn) throws Exception {
    ObjectNode tree = (ObjectNode) JSON.readTree(account.toFile());
    for (JsonNode r : tree.path("RoleDetailList")) {
      if (r.path("RoleName").asText().equals(InterlockStacks.ROLE)) {
        ((ObjectNode) r).putObject("PermissionsBoundary")
            .put("PermissionsBoundaryType", "Policy").put("PermissionsBoundaryArn", arn);
      }
    }
    Files.writeString(account, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
  }

  private JsonNode bound() throws Exception {
    return entry("Policies", "PolicyName", NarrowingStacks.BOUND);
  }

  @Test
  void narrowingTheBoundaryPolicyOrOneAttachedByHandIsBlockedDuringTheDeployment() throws Exception {
    String arn = "arn:aws:iam::" + JSON.readTree(account.toFile()).path("AccountId").asText()
        + ":policy/" + NarrowingStacks.BOUND;
    String wide = NarrowingStacks.bound(dir, true).toString();
    String narrow = NarrowingStacks.bound(dir, false).toString();
    TestCli.Run made = rolectl("apply", wide, "--auto-approve");
    assertEquals(0, made.exit(), made::toString);
    setBoundary(arn);

    InterlockStacks.setDeployment(account, "IN_PROGRESS");
    JsonNode before = bound();
    TestCli.Run plan = rolectl("plan", narrow);
    assertEquals(3, plan.exit(), plan::toString);
    assertTrue(plan.out().contains("[narrows access]"), plan::toString);
    assertTrue(plan.out().contains("BLOCKED [ecs-role-narrowing]: Narrowing customer managed policy"
        + " bound, the permissions boundary of role " + InterlockStacks.ROLE), plan::toString);
    TestCli.Run apply = rolectl("apply", narrow, "--auto-approve");
    assertEquals(3, apply.exit(), apply::toString);
    assertEquals(before, bound(), "the boundary policy is as it was");

    // the same policy attached by hand instead: covered as well
    ObjectNode tree = (ObjectNode) JSON.readTree(account.toFile());
    for (JsonNode r : tree.path("RoleDetailList")) {
      if (r.path("RoleName").asText().equals(InterlockStacks.ROLE)) {
        ((ObjectNode) r).remove("PermissionsBoundary");
        ((com.fasterxml.jackson.databind.node.ArrayNode) r.path("AttachedManagedPolicies"))
            .addObject().put("PolicyName", NarrowingStacks.BOUND).put("PolicyArn", arn);
      }
    }
    Files.writeString(account, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(tree));
    TestCli.Run attached = rolectl("apply", narrow, "--auto-approve");
    assertEquals(3, attached.exit(), attached::toString);
    assertTrue(attached.out().contains("bound, attached to role " + InterlockStacks.ROLE), attached::toString);
    assertEquals(before, bound());

    InterlockStacks.setDeployment(account, "COMPLETED");
    TestCli.Run after = rolectl("apply", narrow, "--auto-approve");
    assertEquals(0, after.exit(), after::toString);
    assertFalse(before.equals(bound()), "narrowed once the deployment is over");
  }
}

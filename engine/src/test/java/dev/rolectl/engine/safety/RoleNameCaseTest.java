package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.attachment;
import static dev.rolectl.engine.safety.SafetyFixtures.doc;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalPolicyAttachment;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.PlanFile;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * IAM role names are case-insensitive (a role {@code infra} is the role an {@code attachTo:
 * {roles: [Infra]}} attaches to), so the safety rules match them ignoring case: a Deny attached
 * to the deploying role under another spelling of its name is blocked like one that spells it as
 * IAM does (breaker's finding F1).
 */
class RoleNameCaseTest {
  static final String UPPER = ROLE.toUpperCase(Locale.ROOT);
  static final String DENY_ARN = "arn:aws:iam::123456789012:policy/denyall";
  static final PolicyDocument DENY_ALL =
      doc("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}");
  static final Address ATTACH = Address.principalAttachment("denyall", PrincipalType.ROLE, UPPER);

  private final FakeEcs ecs =
      new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/7", "TEST_TRAFFIC_SHIFT"));

  /** The deploying role, owned by stack {@code platform} (not the stack being planned). */
  private static LiveAccount othersRole() {
    return new SafetyFixtures.Live()
        .role(ROLE, "platform", TRUST_ECS, List.of(LB_POLICY), Map.of(), null, null)
        .build();
  }

  private static PrincipalPolicyAttachment attachTo(String roleName) {
    return new PrincipalPolicyAttachment(
        Address.principalAttachment("denyall", PrincipalType.ROLE, roleName), SafetyFixtures.LOC,
        PrincipalType.ROLE, roleName, "denyall", DENY_ARN, Set.of(Address.policy("denyall")));
  }

  private static void blocked(Plan checked, Address address) {
    Verdict v = only(checked, address);
    assertEquals(Level.BLOCK, v.level(), v::message);
    assertEquals("ecs-role-narrowing", v.rule());
    assertContains(v.message(), "Attaching " + DENY_ARN + " to role " + UPPER, "ecs-svc/7",
        "TEST_TRAFFIC_SHIFT");
  }

  @Test
  void anotherStacksAttachToThatSpellsTheRoleInUpperCaseIsBlocked() {
    LiveAccount live = othersRole();
    Stack stack = stack(SafetyFixtures.policy("denyall", DENY_ALL), attachTo(UPPER));

    Plan checked = Safety.check(plan(stack, live), stack, live, ecs, CLOCK);

    blocked(checked, ATTACH);
    assertEquals(List.of(List.of(ROLE_ARN)), ecs.asked, "ECS is asked about the role's live ARN");
  }

  @Test
  void theRolesOwnStackAttachingItUnderAnotherSpellingIsBlocked() {
    LiveAccount live =
        new SafetyFixtures.Live().role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of()).build();
    Stack stack = stack(
        SafetyFixtures.role(ROLE, TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS),
        attachment(ROLE, LB_POLICY),
        SafetyFixtures.policy("denyall", DENY_ALL),
        attachTo(UPPER));

    blocked(Safety.check(plan(stack, live), stack, live, ecs, CLOCK), ATTACH);
  }

  @Test
  void theRecheckOfASavedPlanBlocksADeploymentThatStartedSince() {
    LiveAccount live = othersRole();
    Stack stack = stack(SafetyFixtures.policy("denyall", DENY_ALL), attachTo(UPPER));
    FakeEcs idle = new FakeEcs();
    Plan saved = PlanFile.read(PlanFile.write(Safety.check(plan(stack, live), stack, live, idle,
        CLOCK)));
    assertTrue(Verdicts.of(saved, ATTACH).stream().noneMatch(Verdict::isBlock));
    // What apply PLANFILE has: the plan's resources, not the stack file.
    Stack scope = stack(saved.changes().stream().map(ResourceChange::after)
        .filter(Objects::nonNull).toArray(Resource[]::new));

    Verdict v = Safety.recheck(saved, SafetyFixtures.change(saved, ATTACH), scope, live, ecs);

    assertEquals(Level.BLOCK, v.level(), v::message);
    assertEquals("ecs-role-narrowing", v.rule());
    assertContains(v.message(), "ecs-svc/7");
  }

  @Test
  void aLowerCaseSpellingAndAnEcsArnInAnotherCaseAreTheSameRole() {
    LiveAccount live = othersRole();
    String lower = ROLE.toLowerCase(Locale.ROOT);
    FakeEcs upperArn = new FakeEcs().use(
        "ARN:AWS:IAM::123456789012:ROLE/some/path/" + UPPER,
        FakeEcs.deploying("web", "ecs-svc/8", "BAKE_TIME"));
    Stack stack = stack(SafetyFixtures.policy("denyall", DENY_ALL), attachTo(lower));

    Plan checked = Safety.check(plan(stack, live), stack, live, upperArn, CLOCK);

    Verdict v = only(checked, Address.principalAttachment("denyall", PrincipalType.ROLE, lower));
    assertEquals(Level.BLOCK, v.level(), v::message);
    assertContains(v.message(), "ecs-svc/8");
  }

  @Test
  void narrowingACustomerPolicyAttachedUnderAnotherSpellingIsBlocked() {
    LiveAccount live = new SafetyFixtures.Live()
        .role(ROLE, "platform", TRUST_ECS, List.of(LB_POLICY, DENY_ARN), Map.of(), null, null)
        .policy("DenyAll", SafetyFixtures.allow("elasticloadbalancing:*", "ec2:*"),
            List.of(ROLE.toLowerCase(Locale.ROOT)))
        .build();
    Stack stack = stack(SafetyFixtures.policy("denyall",
        SafetyFixtures.allow("elasticloadbalancing:*")));

    Plan checked = Safety.check(plan(stack, live), stack, live, ecs, CLOCK);

    Verdict v = only(checked, Address.policy("denyall"));
    assertEquals(Level.BLOCK, v.level(), v::message);
    assertEquals("ecs-role-narrowing", v.rule());
    assertContains(v.message(), "ecs-svc/7");
  }
}

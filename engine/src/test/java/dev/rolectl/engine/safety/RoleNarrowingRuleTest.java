package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.LB_POLICY;
import static dev.rolectl.engine.safety.SafetyFixtures.READ_ONLY;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE;
import static dev.rolectl.engine.safety.SafetyFixtures.ROLE_ARN;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.allow;
import static dev.rolectl.engine.safety.SafetyFixtures.attachment;
import static dev.rolectl.engine.safety.SafetyFixtures.inline;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static dev.rolectl.engine.safety.Verdicts.assertContains;
import static dev.rolectl.engine.safety.Verdicts.of;
import static dev.rolectl.engine.safety.Verdicts.only;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Resource;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoleNarrowingRuleTest {
  static final String BOUNDARY = "arn:aws:iam::123456789012:policy/boundary";
  static final PolicyDocument TWO =
      allow("elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyRule");
  static final PolicyDocument ONE = allow("elasticloadbalancing:ModifyListener");
  static final PolicyDocument THREE =
      allow(
          "elasticloadbalancing:ModifyListener",
          "elasticloadbalancing:ModifyRule",
          "ec2:Describe*");

  private final FakeEcs ecs =
      new FakeEcs().use(ROLE_ARN, FakeEcs.deploying("web", "ecs-svc/9", "SCALE_UP"));

  /** Live: the guide's role with LB and ReadOnly attached, inline "elb" = TWO, maybe a boundary. */
  private static LiveAccount live(String boundary) {
    return new SafetyFixtures.Live()
        .role(ROLE, TRUST_ECS, List.of(LB_POLICY, READ_ONLY), Map.of("elb", TWO), boundary, null)
        .build();
  }

  private Plan check(LiveAccount live, String boundary, List<String> attached, PolicyDocument elb) {
    List<Resource> r = new ArrayList<>();
    r.add(SafetyFixtures.role(ROLE, "/", TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS, boundary));
    attached.forEach(a -> r.add(attachment(ROLE, a)));
    if (elb != null) {
      r.add(inline(ROLE, "elb", elb));
    }
    Stack stack = stack(r.toArray(Resource[]::new));
    return Safety.check(plan(stack, live), stack, live, ecs, CLOCK);
  }

  @Test
  void detachingAnotherPolicyIsNarrowing() {
    Plan checked = check(live(null), null, List.of(LB_POLICY), TWO);

    Verdict v = only(checked, Address.attachment(ROLE, READ_ONLY));
    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-role-narrowing", v.rule());
    assertContains(
        v.message(), "Detaching " + READ_ONLY + " from role " + ROLE, "ecs-svc/9", "SCALE_UP");
  }

  @Test
  void narrowingWhileNoDeploymentRunsWarnsThatTheNextOneMayFail() {
    ecs.services.clear();
    ecs.use(ROLE_ARN, FakeEcs.idle("web"));

    Verdict v =
        only(check(live(null), null, List.of(LB_POLICY), TWO), Address.attachment(ROLE, READ_ONLY));

    assertEquals(Level.WARN, v.level());
    assertContains(
        v.message(), "the next deployment of web may fail: ECS may lack permissions it needs");
  }

  @Test
  void deletingOrNarrowingAnInlinePolicyIsBlocked() {
    Verdict deleted =
        only(
            check(live(null), null, List.of(LB_POLICY, READ_ONLY), null),
            Address.inline(ROLE, "elb"));
    Verdict narrowed =
        only(
            check(live(null), null, List.of(LB_POLICY, READ_ONLY), ONE),
            Address.inline(ROLE, "elb"));

    assertEquals(Level.BLOCK, deleted.level());
    assertContains(deleted.message(), "Deleting inline policy elb of role " + ROLE);
    assertEquals(Level.BLOCK, narrowed.level());
    assertEquals("ecs-role-narrowing", narrowed.rule());
    assertContains(narrowed.message(), "Narrowing inline policy elb of role " + ROLE);
  }

  @Test
  void broadeningAnInlinePolicyIsNoConcern() {
    Plan checked = check(live(null), null, List.of(LB_POLICY, READ_ONLY), THREE);

    assertEquals(List.of(), of(checked, Address.inline(ROLE, "elb")));
    assertEquals(0, ecs.calls());
  }

  @Test
  void addingOrChangingABoundaryIsNarrowingAndRemovingOneIsNot() {
    Verdict added =
        only(check(live(null), BOUNDARY, List.of(LB_POLICY, READ_ONLY), TWO), Address.role(ROLE));
    Verdict changed =
        only(
            check(live(BOUNDARY), BOUNDARY + "2", List.of(LB_POLICY, READ_ONLY), TWO),
            Address.role(ROLE));
    Plan removed = check(live(BOUNDARY), null, List.of(LB_POLICY, READ_ONLY), TWO);

    assertEquals(Level.BLOCK, added.level());
    assertContains(added.message(), "Adding permissions boundary " + BOUNDARY + " to role " + ROLE);
    assertEquals(Level.BLOCK, changed.level());
    assertContains(changed.message(), "Changing the permissions boundary of role " + ROLE);
    assertEquals(List.of(), of(removed, Address.role(ROLE)));
  }

  @Test
  void narrowingACustomerManagedPolicyAttachedToTheRoleIsBlocked() {
    String arn = "arn:aws:iam::123456789012:policy/elb";
    LiveAccount live =
        new SafetyFixtures.Live()
            .role(ROLE, TRUST_ECS, List.of(LB_POLICY, arn), Map.of())
            .policy("elb", TWO, List.of(ROLE))
            .build();
    Stack stack =
        stack(
            SafetyFixtures.role(ROLE, TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS),
            attachment(ROLE, LB_POLICY),
            attachment(ROLE, arn),
            SafetyFixtures.policy("elb", ONE));

    Plan checked = Safety.check(plan(stack, live), stack, live, ecs, CLOCK);

    Verdict v = only(checked, Address.policy("elb"));
    assertEquals(Level.BLOCK, v.level());
    assertContains(v.message(), "Narrowing customer managed policy elb, attached to role " + ROLE);
    assertTrue(checked.blocked());
  }

  /** Another stack's view: it owns policy {@code bound} only; the role is not in it. */
  private Plan otherStack(LiveAccount live, dev.rolectl.engine.model.ManagedPolicy... policies) {
    Stack stack = stack(policies);
    return Safety.check(plan(stack, live), stack, live, ecs, CLOCK);
  }

  private static final String BOUND_ARN = "arn:aws:iam::123456789012:policy/bound";

  @Test
  void narrowingThePolicyThatIsTheRolesPermissionsBoundaryIsBlocked() {
    LiveAccount live =
        new SafetyFixtures.Live()
            .role(ROLE, "e", TRUST_ECS, List.of(LB_POLICY), Map.of(), BOUND_ARN, null)
            .policy("bound", TWO, List.of())
            .build();

    Plan checked = otherStack(live, SafetyFixtures.policy("bound", ONE));

    Verdict v = only(checked, Address.policy("bound"));
    assertEquals(Level.BLOCK, v.level());
    assertEquals("ecs-role-narrowing", v.rule());
    assertContains(v.message(),
        "Narrowing customer managed policy bound, the permissions boundary of role " + ROLE,
        "ecs-svc/9");
  }

  @Test
  void broadeningTheBoundaryPolicyIsNoConcern() {
    LiveAccount live =
        new SafetyFixtures.Live()
            .role(ROLE, null, TRUST_ECS, List.of(LB_POLICY), Map.of(), BOUND_ARN, null)
            .policy("bound", TWO, List.of())
            .build();

    Plan checked = otherStack(live, SafetyFixtures.policy("bound", THREE));

    assertEquals(List.of(), of(checked, Address.policy("bound")));
    assertEquals(0, ecs.calls());
  }

  @Test
  void deletingABoundaryPolicyWhoseBoundaryThePlanTakesAwayIsNotItselfANarrowing() {
    LiveAccount live =
        new SafetyFixtures.Live()
            .role(ROLE, TRUST_ECS, List.of(LB_POLICY), Map.of(), BOUND_ARN, null)
            .policy("bound", TWO, List.of())
            .build();
    Stack stack =
        stack(
            SafetyFixtures.role(ROLE, TRUST_ECS, EcsInfrastructure.LOAD_BALANCERS),
            attachment(ROLE, LB_POLICY));

    Plan checked = Safety.check(plan(stack, live), stack, live, ecs, CLOCK);

    assertEquals(List.of(), of(checked, Address.policy("bound")));
    assertEquals(List.of(), of(checked, Address.role(ROLE)), "removing a boundary broadens");
  }

  @Test
  void narrowingAPolicyAttachedByHandOrByAnotherStackIsBlocked() {
    for (String owner : new String[] {"e", null}) { // role of stack e, or made by hand
      LiveAccount live =
          new SafetyFixtures.Live()
              .role(ROLE, owner, TRUST_ECS, List.of(LB_POLICY, BOUND_ARN), Map.of(), null, null)
              .policy("bound", TWO, List.of(ROLE))
              .build();

      Plan checked = otherStack(live, SafetyFixtures.policy("bound", ONE));

      Verdict v = only(checked, Address.policy("bound"));
      assertEquals(Level.BLOCK, v.level());
      assertContains(v.message(),
          "Narrowing customer managed policy bound, attached to role " + ROLE);
    }
  }

  @Test
  void unrelatedChangesAskEcsNothing() {
    LiveAccount live = live(null);
    List<Resource> r = new ArrayList<>();
    r.add(
        new dev.rolectl.engine.model.Role(
            Address.role(ROLE),
            SafetyFixtures.LOC,
            ROLE,
            "/",
            "a new description",
            3600,
            TRUST_ECS,
            null,
            Map.of("team", "platform"),
            EcsInfrastructure.LOAD_BALANCERS,
            false,
            false,
            java.util.Set.of()));
    r.add(attachment(ROLE, LB_POLICY));
    r.add(attachment(ROLE, READ_ONLY));
    r.add(inline(ROLE, "elb", TWO));
    Stack stack = stack(r.toArray(Resource[]::new));
    Plan plan = plan(stack, live);
    assertTrue(plan.hasChanges(), "description and tag change");

    Plan checked = Safety.check(plan, stack, live, ecs, CLOCK);

    assertTrue(checked.changes().stream().allMatch(c -> c.verdicts().isEmpty()));
    assertEquals(0, ecs.calls());
  }
}

package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_EC2;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_ECS_TASKS;
import static dev.rolectl.engine.safety.SafetyFixtures.attachment;
import static dev.rolectl.engine.safety.SafetyFixtures.inline;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.RegionFailure;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.model.StackSettings;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import dev.rolectl.engine.plan.Verdict.Level;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The users of a role besides ECS infrastructure: ECS tasks (task and execution roles) and EC2
 * instances (instance profiles); the failed regions a plan says once; the regions an
 * organisation policy denies.
 */
class ConsumersTest {
  static final String TASK = "web-task";
  static final String TASK_ARN = "arn:aws:iam::123456789012:role/" + TASK;
  static final String HOST = "web-host";

  static ServiceUse taskUse(String service, EcsRoleField field) {
    return new ServiceUse("us-east-1", "prod", ServiceUse.SERVICE, service, Set.of(field),
        List.of(), "fake DescribeTaskDefinition");
  }

  private static Verdict verdict(Plan plan, Address address, String rule) {
    ResourceChange c = SafetyFixtures.change(plan, address);
    return c.verdicts().stream().filter(v -> v.rule().equals(rule)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + rule + " in " + c.verdicts()));
  }

  private static boolean has(Plan plan, Address address, String rule) {
    return SafetyFixtures.change(plan, address).verdicts().stream()
        .anyMatch(v -> v.rule().equals(rule));
  }

  private static Plan deleteTaskRole(FakeEcs ecs) {
    LiveAccount live = new SafetyFixtures.Live()
        .role(TASK, TRUST_ECS_TASKS, List.of(), Map.of()).build();
    Stack empty = stack();
    return Safety.check(plan(empty, live), empty, live, ecs, new FakeEc2(), CLOCK);
  }

  @Test
  void aTaskRoleThatAServiceRunsWithIsNotDeletedAndWaitingIsNoWayOut() {
    FakeEcs ecs = new FakeEcs().use(TASK_ARN, taskUse("web", EcsRoleField.EXECUTION_ROLE));
    Plan checked = deleteTaskRole(ecs);
    Verdict v = verdict(checked, Address.role(TASK), Safety.ECS_TASK_ROLE_DELETE);
    assertEquals(Level.BLOCK, v.level(), v::message);
    for (String part : List.of("service web (cluster prod, us-east-1)",
        "taskDefinition.executionRoleArn", "ResourceInitializationError",
        "--wait-for-deployments does not apply")) {
      assertTrue(v.message().contains(part), part + " in " + v.message());
    }
    assertFalse(Safety.waitable(v), "waiting cannot end it");
    assertFalse(has(checked, Address.role(TASK), Safety.ECS_ROLE_DELETE),
        "ECS cannot assume it: no infrastructure-role verdict");
  }

  @Test
  void aTaskRoleNobodyNamesIsAllowedAndAnUnreadableEcsBlocks() {
    assertEquals(Level.ALLOW, verdict(deleteTaskRole(new FakeEcs()), Address.role(TASK),
        Safety.ECS_TASK_ROLE_DELETE).level());
    FakeEcs down = new FakeEcs();
    down.unknownReason = "ECS in us-east-1 did not answer";
    Verdict v = verdict(deleteTaskRole(down), Address.role(TASK), Safety.ECS_TASK_ROLE_DELETE);
    assertEquals(Level.BLOCK, v.level());
    assertTrue(v.message().contains("fail closed") && v.message().contains("did not answer"),
        v::message);
  }

  @Test
  void narrowingATaskRoleInUseWarnsNamingTheUsersAndNeverBlocks() {
    FakeEcs ecs = new FakeEcs().use(TASK_ARN, taskUse("web", EcsRoleField.TASK_ROLE));
    LiveAccount live = new SafetyFixtures.Live().role(TASK, TRUST_ECS_TASKS, List.of(),
        Map.of("read", SafetyFixtures.allow("s3:GetObject"))).build();
    Stack stack = stack(SafetyFixtures.role(TASK, TRUST_ECS_TASKS, null));
    Plan checked = Safety.check(plan(stack, live), stack, live, ecs, new FakeEc2(), CLOCK);
    Verdict v = verdict(checked, Address.inline(TASK, "read"), Safety.ECS_TASK_ROLE_NARROWING);
    assertEquals(Level.WARN, v.level());
    assertTrue(v.message().contains("service web (cluster prod, us-east-1)"), v::message);
    assertFalse(checked.blocked());
  }

  @Test
  void applyDoesNotReadEcsAgainForARuleThatOnlyWarns() {
    FakeEcs ecs = new FakeEcs().use(TASK_ARN, taskUse("web", EcsRoleField.TASK_ROLE));
    LiveAccount live = new SafetyFixtures.Live().role(TASK, TRUST_ECS_TASKS, List.of(),
        Map.of("read", SafetyFixtures.allow("s3:GetObject"))).build();
    Stack stack = stack(SafetyFixtures.role(TASK, TRUST_ECS_TASKS, null));
    Plan plan = plan(stack, live);
    Verdict v = Safety.recheck(plan, SafetyFixtures.change(plan, Address.inline(TASK, "read")),
        stack, live, ecs, new FakeEc2());
    assertEquals(Level.ALLOW, v.level());
    assertEquals(0, ecs.calls());
  }

  @Test
  void aTaskUseDoesNotMakeAnInfrastructureRoleInUseNorTheOtherWayRound() {
    String infra = SafetyFixtures.ROLE_ARN;
    FakeEcs ecs = new FakeEcs().use(infra, taskUse("web", EcsRoleField.TASK_ROLE))
        .use(TASK_ARN, FakeEcs.deploying("api", "d1", "SCALE_UP"));
    LiveAccount live = new SafetyFixtures.Live()
        .role(SafetyFixtures.ROLE, TRUST_ECS, List.of(), Map.of())
        .role(TASK, TRUST_ECS_TASKS, List.of(), Map.of()).build();
    Stack empty = stack();
    Plan checked = Safety.check(plan(empty, live), empty, live, ecs, new FakeEc2(), CLOCK);
    assertEquals(Level.ALLOW, verdict(checked, Address.role(SafetyFixtures.ROLE),
        Safety.ECS_ROLE_DELETE).level());
    assertEquals(Level.ALLOW, verdict(checked, Address.role(TASK),
        Safety.ECS_TASK_ROLE_DELETE).level());
  }

  private static Plan deleteHost(FakeEc2 ec2) {
    LiveAccount live = new SafetyFixtures.Live().role(HOST, TRUST_EC2, List.of(), Map.of())
        .inProfiles(HOST, "web-profile").build();
    Stack empty = stack();
    return Safety.check(plan(empty, live), empty, live, new FakeEcs(), ec2, CLOCK);
  }

  @Test
  void aRoleInTheProfileOfARunningInstanceIsNotDeleted() {
    FakeEc2 ec2 = new FakeEc2().instance("i-0abc", "web-profile");
    Verdict v = verdict(deleteHost(ec2), Address.role(HOST), Safety.EC2_ROLE_DELETE);
    assertEquals(Level.BLOCK, v.level(), v::message);
    for (String part : List.of("Removed from instance profile web-profile", "instance i-0abc",
        "us-east-1", "Move the instances to another instance profile first",
        "--wait-for-deployments does not apply")) {
      assertTrue(v.message().contains(part), part + " in " + v.message());
    }
    assertEquals(List.of(List.of("web-profile")), ec2.asked);
  }

  @Test
  void aDeleteAlwaysNamesTheProfileItLeavesAndUnknownEc2Blocks() {
    Verdict free = verdict(deleteHost(new FakeEc2()), Address.role(HOST), Safety.EC2_ROLE_DELETE);
    assertEquals(Level.WARN, free.level());
    assertTrue(free.message().startsWith("Removed from instance profile web-profile: no EC2"
        + " instance"), free::message);
    FakeEc2 down = new FakeEc2();
    down.unknownReason = "access to EC2 in us-east-1 was denied";
    Verdict v = verdict(deleteHost(down), Address.role(HOST), Safety.EC2_ROLE_DELETE);
    assertEquals(Level.BLOCK, v.level());
    assertTrue(v.message().contains("fail closed"), v::message);
  }

  @Test
  void aReplaceOrRenameNamesTheProfileTheNewRoleGoesBackInto() {
    LiveAccount live = new SafetyFixtures.Live().role(HOST, TRUST_EC2, List.of(), Map.of())
        .inProfiles(HOST, "web-profile").build();
    Stack moved = stack(SafetyFixtures.role(HOST, "/hosts/", TRUST_EC2, null, null));
    Plan checked = Safety.check(plan(moved, live), moved, live, new FakeEcs(), new FakeEc2(),
        CLOCK);
    Verdict v = verdict(checked, Address.role(HOST), Safety.EC2_ROLE_DELETE);
    assertEquals(Level.WARN, v.level());
    assertTrue(v.message().startsWith("Removed from instance profile web-profile (put back once"
        + " the new role exists)"), v::message);
  }

  @Test
  void droppingEc2FromTheTrustOfARoleInUseIsBlockedAndARoleInNoProfileAsksEc2Nothing() {
    FakeEc2 ec2 = new FakeEc2().instance("i-0abc", "web-profile");
    LiveAccount live = new SafetyFixtures.Live().role(HOST, TRUST_EC2, List.of(), Map.of())
        .inProfiles(HOST, "web-profile").build();
    Stack stack = stack(SafetyFixtures.role(HOST, TRUST_ECS, null));
    Plan checked = Safety.check(plan(stack, live), stack, live, new FakeEcs(), ec2, CLOCK);
    Verdict v = verdict(checked, Address.role(HOST), Safety.EC2_TRUST_DROPS_EC2);
    assertEquals(Level.BLOCK, v.level());
    assertTrue(v.message().contains("i-0abc"), v::message);

    FakeEc2 unused = new FakeEc2();
    LiveAccount plain = new SafetyFixtures.Live().role(HOST, TRUST_EC2, List.of(), Map.of())
        .build();
    Stack empty = stack();
    Plan none = Safety.check(plan(empty, plain), empty, plain, new FakeEcs(), unused, CLOCK);
    assertFalse(has(none, Address.role(HOST), Safety.EC2_ROLE_DELETE));
    assertTrue(unused.asked.isEmpty(), "no EC2 call");
    assertNull(none.ecs(), "nothing was read");
  }

  static RegionFailure scpDeny(String region) {
    return RegionFailure.of("ECS", "ListClusters", "HTTP 400 AccessDeniedException",
        "User: x is not authorized to perform: ecs:ListClusters with an explicit deny in a"
            + " service control policy", "an organization policy denies ListClusters in " + region
            + " (HTTP 400 AccessDeniedException: ... with an explicit deny in a service control"
            + " policy): name them in settings.ecs.organizationDeniedRegions", true, region);
  }

  /** ECS answering with an SCP deny in two regions, through the fake. */
  static final class DeniedEcs extends FakeEcsWithFailures {
    DeniedEcs() {
      super(List.of(scpDeny("ap-east-1"), scpDeny("me-south-1")));
    }
  }

  @Test
  void failedRegionsAreSaidOnceInThePlanAndTheVerdictsOnlyNameThem() {
    LiveAccount live = new SafetyFixtures.Live()
        .role(SafetyFixtures.ROLE, TRUST_ECS, List.of(SafetyFixtures.LB_POLICY), Map.of()).build();
    Stack empty = stack();
    Plan checked = Safety.check(plan(empty, live), empty, live, new DeniedEcs(), new FakeEc2(),
        CLOCK);
    assertTrue(checked.blocked());
    assertEquals(1, checked.ecs().failures().size(), "one entry for both regions");
    assertEquals(List.of("ap-east-1", "me-south-1"), checked.ecs().failures().get(0).regions());
    for (ResourceChange c : checked.effectiveChanges()) {
      for (Verdict v : c.verdicts()) {
        assertFalse(v.message().contains("service control policy"), v::message);
        assertTrue(v.message().contains("ECS ListClusters failed in 2 regions"), v::message);
      }
    }
  }

  @Test
  void declaredOrganizationDeniedRegionsAreNotCheckedInsteadOfBlocking() {
    LiveAccount live = new SafetyFixtures.Live()
        .role(SafetyFixtures.ROLE, TRUST_ECS, List.of(), Map.of()).build();
    Stack declared = stack(new StackSettings(10, List.of(), List.of(),
        List.of("ap-east-1", "me-south-1")));
    Plan checked = Safety.check(plan(declared, live), declared, live, new DeniedEcs(),
        new FakeEc2(), CLOCK);
    Verdict v = verdict(checked, Address.role(SafetyFixtures.ROLE), Safety.ECS_ROLE_DELETE);
    assertEquals(Level.WARN, v.level(), v::message);
    assertTrue(v.message().contains("Not checked: 2 regions (denied by organization policy)"),
        v::message);
    assertEquals(List.of("ap-east-1", "me-south-1"), checked.ecs().notChecked());
    assertEquals(List.of(), checked.ecs().failures());

    Stack one = stack(new StackSettings(10, List.of(), List.of(), List.of("ap-east-1")));
    Plan partly = Safety.check(plan(one, live), one, live, new DeniedEcs(), new FakeEc2(), CLOCK);
    assertTrue(partly.blocked(), "me-south-1 is not declared");
    assertEquals(List.of("me-south-1"), partly.ecs().failures().get(0).regions());
  }
}

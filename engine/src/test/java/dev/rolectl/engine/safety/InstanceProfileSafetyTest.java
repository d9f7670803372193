package dev.rolectl.engine.safety;

import static dev.rolectl.engine.safety.SafetyFixtures.ACCOUNT;
import static dev.rolectl.engine.safety.SafetyFixtures.CLOCK;
import static dev.rolectl.engine.safety.SafetyFixtures.STACK;
import static dev.rolectl.engine.safety.SafetyFixtures.TRUST_EC2;
import static dev.rolectl.engine.safety.SafetyFixtures.plan;
import static dev.rolectl.engine.safety.SafetyFixtures.role;
import static dev.rolectl.engine.safety.SafetyFixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Stack;
import dev.rolectl.engine.plan.Action;
import dev.rolectl.engine.plan.Plan;
import dev.rolectl.engine.plan.ResourceChange;
import dev.rolectl.engine.plan.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A role's own instance profile (tagged with the stack) that the stack no longer declares is
 * deleted: the role is taken out of it, so the EC2 instances associated with it lose the role's
 * credentials. The {@code ec2-role-delete} rule judges that change for that profile: blocked
 * while an instance uses it, blocked when EC2 cannot be read, else a warning that names it.
 */
class InstanceProfileSafetyTest {
  static final String HOST = "web-host";

  private static Plan dropProfile(FakeEc2 ec2) {
    LiveAccount base = new SafetyFixtures.Live().role(HOST, TRUST_EC2, List.of(), Map.of())
        .inProfiles(HOST, HOST).build();
    LiveAccount live = new LiveAccount(base.accountId(), base.partition(), base.roles(),
        base.policies(), base.principals(), base.unreadable(),
        Map.of(HOST, new LiveInstanceProfile(HOST, "/", "arn:aws:iam::" + ACCOUNT
            + ":instance-profile/" + HOST, List.of(HOST), Map.of("rolectl:stack", STACK))));
    Stack kept = stack(role(HOST, TRUST_EC2, null));
    return Safety.check(plan(kept, live), kept, live, new FakeEcs(), ec2, CLOCK);
  }

  private static Verdict verdict(Plan plan) {
    ResourceChange c = SafetyFixtures.change(plan, Address.instanceProfile(HOST));
    assertEquals(Action.DELETE, c.action());
    return c.verdicts().stream().filter(v -> v.rule().equals(Safety.EC2_ROLE_DELETE)).findFirst()
        .orElseThrow(() -> new AssertionError("no verdict in " + c.verdicts()));
  }

  @Test
  void deletingTheProfileOfARunningInstanceIsBlocked() {
    FakeEc2 ec2 = new FakeEc2().instance("i-0abc", HOST);
    Verdict v = verdict(dropProfile(ec2));
    assertEquals(Verdict.Level.BLOCK, v.level(), v::message);
    for (String part : List.of("Removed from instance profile " + HOST, "i-0abc",
        "Deleting instance profile " + HOST, "Move the instances to another instance profile")) {
      assertTrue(v.message().contains(part), part + " in " + v.message());
    }
  }

  @Test
  void withoutInstancesItWarnsAndUnknownEc2Blocks() {
    Verdict free = verdict(dropProfile(new FakeEc2()));
    assertEquals(Verdict.Level.WARN, free.level(), free::message);
    assertTrue(free.message().startsWith("Removed from instance profile " + HOST + ": no EC2"),
        free::message);
    FakeEc2 down = new FakeEc2();
    down.unknownReason = "AccessDenied";
    assertEquals(Verdict.Level.BLOCK, verdict(dropProfile(down)).level());
  }

  @Test
  void puttingAnotherRoleIntoAProfileInUseIsBlocked() {
    String legacy = "legacy-host";
    LiveAccount base = new SafetyFixtures.Live().role(HOST, TRUST_EC2, List.of(), Map.of())
        .role(legacy, TRUST_EC2, List.of(), Map.of()).inProfiles(legacy, HOST).build();
    LiveAccount live = new LiveAccount(base.accountId(), base.partition(), base.roles(),
        base.policies(), base.principals(), base.unreadable(),
        Map.of(HOST, new LiveInstanceProfile(HOST, "/", "arn:aws:iam::" + ACCOUNT
            + ":instance-profile/" + HOST, List.of(legacy), Map.of("rolectl:stack", STACK))));
    Stack declared = stack(role(HOST, TRUST_EC2, null),
        new dev.rolectl.engine.model.InstanceProfile(Address.instanceProfile(HOST),
            SafetyFixtures.LOC, HOST, "/", HOST, Map.of(), false, java.util.Set.of(Address.role(HOST))));
    Plan checked = Safety.check(plan(declared, live), declared, live, new FakeEcs(),
        new FakeEc2().instance("i-0abc", HOST), CLOCK);
    ResourceChange c = SafetyFixtures.change(checked, Address.instanceProfile(HOST));
    assertEquals(Action.UPDATE, c.action());
    Verdict v = c.verdicts().stream().filter(x -> x.rule().equals(Safety.EC2_ROLE_DELETE))
        .findFirst().orElseThrow(() -> new AssertionError(c.verdicts().toString()));
    assertEquals(Verdict.Level.BLOCK, v.level(), v::message);
    assertTrue(v.message().contains("role legacy-host is taken out of it")
        && v.message().contains("i-0abc"), v::message);
  }
}

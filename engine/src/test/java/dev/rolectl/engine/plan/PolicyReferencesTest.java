package dev.rolectl.engine.plan;

import static dev.rolectl.engine.plan.Fixtures.role;
import static dev.rolectl.engine.plan.Fixtures.stack;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rolectl.engine.model.Address;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.RolePolicyAttachment;
import dev.rolectl.engine.model.Stack;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Which referenced managed policies plan asks IAM about, and the errors for missing ones. */
class PolicyReferencesTest {
  static RolePolicyAttachment attach(String role, String arn) {
    return new RolePolicyAttachment(Address.attachment(role, arn), new Location("s.yaml", 9, 7),
        role, arn, Set.of(Address.role(role)));
  }

  @Test
  void asksOncePerArnTheBulkReadLacksAndLocatesTheMissing() {
    String aws = "arn:aws:iam::aws:policy/ReadOnlyAccess";
    String mine = "arn:aws:iam::" + Fixtures.ACCOUNT + ":policy/mine";
    Stack stack = stack(role("a"), role("b"), attach("a", aws), attach("b", aws),
        attach("a", mine));
    assertEquals(Set.of(aws, mine),
        PolicyReferences.toCheck(stack, new Fixtures.Live().build()));
    var live = new Fixtures.Live().policy("mine",
        Fixtures.trust("ecs.amazonaws.com"), java.util.Map.of(), java.util.Map.of()).build();
    assertEquals(Set.of(aws), PolicyReferences.toCheck(stack, live), "the bulk read has mine");
    var attached = new Fixtures.Live().ownedRole("c", java.util.List.of(aws)).policy("mine",
        Fixtures.trust("ecs.amazonaws.com"), java.util.Map.of(), java.util.Map.of()).build();
    assertEquals(Set.of(), PolicyReferences.toCheck(stack, attached),
        "a policy a live role has attached exists: nothing to ask");
    var errors = PolicyReferences.diagnostics(stack, Set.of(aws));
    assertEquals(2, errors.size());
    assertEquals("missing-managed-policy", errors.get(0).rule());
    assertEquals(9, errors.get(0).location().line());
  }
}

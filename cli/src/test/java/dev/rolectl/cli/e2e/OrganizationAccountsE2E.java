package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.OrganizationAccounts;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The engine's aws adapters for many accounts, on moto: the Organizations module (2.40.2, on the
 * BOM's 2.57.8 core) lists the organisation's accounts, also below an OU; a target that assumes a
 * member's role reads that member's IAM (not the management account's), with one AssumeRole and
 * no GetCallerIdentity.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
// member accounts make moto's reset slower for every later test: a server for organisations only
@MotoServer.Env({"ROLECTL_MOTO_SERVER=organizations"})
class OrganizationAccountsE2E {

  @Test
  void listsAccountsAndReadsAMemberThroughItsRole(Moto moto) throws Exception {
    List<MotoOrganization.Member> members = MotoOrganization.create(moto, "probe", 3);
    try (OrganizationAccounts org = Targets.organization(moto.targetOptions())) {
      List<OrganizationAccounts.Account> all = org.accounts(Optional.empty());
      // moto's default account is the management account, itself a member
      assertEquals(4, all.size(), all::toString);
      for (MotoOrganization.Member m : members) {
        assertTrue(all.contains(new OrganizationAccounts.Account(m.id(), m.name(), "ACTIVE")), all::toString);
      }
      assertTrue(org.stats().totalCalls() >= 1);
    }
    String member = members.get(1).id();
    try (IamClient iam = MotoOrganization.iamIn(moto, member)) {
      iam.createRole(r -> r.roleName("only-in-member").assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST));
    }
    TargetOptions options = moto.targetOptions().withAssumeRole(new TargetOptions.AssumeRole(
        "arn:aws:iam::" + member + ":role/" + MotoOrganization.ACCESS_ROLE, null, "rolectl-test"));
    try (Target t = Targets.open("aws", options)) {
      assertEquals(member, t.iam().accountId());
      var live = t.iam().read(ReadRequest.everything());
      assertEquals(member, live.accountId());
      assertTrue(live.roles().values().stream().anyMatch(r -> r.name().equals("only-in-member")),
          live.roles()::toString);
      var calls = t.stats().callsByOperation();
      assertEquals(1L, calls.get("AssumeRole"), calls::toString);
      assertTrue(!calls.containsKey("GetCallerIdentity"), calls::toString);
    }
  }
}

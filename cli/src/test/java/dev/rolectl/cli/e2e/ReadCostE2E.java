package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * What reads cost on moto (the real CLI in-process, through {@link IamRulesProxy}, which records
 * each IAM call and how many were in flight at once), in an account of 40 customer policies that
 * are not the stack's plus one that is, one user it is attached to, and one unmanaged role:
 * policy tags are read in parallel, at most eight at a time; a plan that deletes the stack's
 * policy reads users and groups with one more call instead of reading every policy's tags again;
 * import reads no policy tags; roles are listed while the authorization details are read.
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ReadCostE2E {
  static final int UNRELATED = 40;
  static final String DOC =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\","
          + "\"Resource\":\"arn:aws:s3:::assets/*\"}]}";

  @Test
  void readsCostWhatThePlanNeeds(Moto moto, @TempDir Path dir) throws Exception {
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST));
      String old = iam.createPolicy(r -> r.policyName("old").policyDocument(DOC)
          .tags(t -> t.key("rolectl:stack").value("one"))).policy().arn();
      iam.createUser(r -> r.userName("deployer"));
      iam.attachUserPolicy(r -> r.userName("deployer").policyArn(old));
      for (int i = 0; i < UNRELATED; i++) {
        String name = "unrelated-" + i;
        iam.createPolicy(r -> r.policyName(name).policyDocument(DOC));
      }
    }
    String role = "apiVersion: rolectl/v1\nstack: one\nroles:\n  one:\n    trustPolicy: " + StackFiles.TRUST + "\n";
    Path keep = StackFiles.write(dir.resolve("keep.yaml"), role + "policies:\n  old:\n    document: " + DOC
        + "\n    attachTo: {users: [deployer]}\n");
    Path delete = StackFiles.write(dir.resolve("delete.yaml"), role);

    try (IamRulesProxy proxy = new IamRulesProxy(moto)) {
      TestCli.Run kept = TestCli.run(proxy.env(), "plan", keep.toString(), "--target", "aws");
      assertEquals(0, kept.exit(), kept::toString);
      assertEquals(UNRELATED + 1, count(proxy, "ListPolicyTags"), proxy.calls()::toString);
      assertEquals(1, count(proxy, "GetAccountAuthorizationDetails"), proxy.calls()::toString);
      assertTrue(proxy.maxInFlight() >= 2 && proxy.maxInFlight() <= 8,
          "tag reads in parallel, at most 8 at a time: " + proxy.maxInFlight());

      proxy.clearCalls();
      TestCli.Run deleted = TestCli.run(proxy.env(), "plan", delete.toString(), "--target", "aws");
      assertEquals(0, deleted.exit(), deleted::toString);
      assertTrue(deleted.out().contains("# policies.old will be deleted"), deleted::toString);
      assertTrue(deleted.out().contains("policies.old.attachTo.users.deployer will be deleted"), "the user's detachment is in the plan: " + deleted);
      assertEquals(UNRELATED + 1, count(proxy, "ListPolicyTags"), "tags are read once: " + proxy.calls());
      List<String> gaad = proxy.calls().stream()
          .filter(c -> c.startsWith("GetAccountAuthorizationDetails")).toList();
      // one read: users and groups come with roles and policies (access analysis needs them)
      assertEquals(1, gaad.size(), gaad::toString);
      assertTrue(gaad.get(0).contains("User") && gaad.get(0).contains("Group")
          && gaad.get(0).contains("Role"), "users and groups in the same read: " + gaad);

      proxy.clearCalls();
      proxy.holdUntilArrives("GetAccountAuthorizationDetails", "ListRoles");
      TestCli.Run imported = TestCli.run(proxy.env(), "import", "app", "--target", "aws");
      assertEquals(0, imported.exit(), imported::toString);
      assertTrue(imported.out().contains("app:"), imported::toString);
      assertEquals(List.of("GetAccountAuthorizationDetails", "ListRoles"),
          proxy.calls().stream().map(c -> c.split(" ")[0]).sorted().toList());
      assertTrue(proxy.heldWasReleased(),
          "ListRoles is sent while GetAccountAuthorizationDetails is in flight: " + proxy.calls());
    }
  }

  private static long count(IamRulesProxy proxy, String action) {
    return proxy.calls().stream().filter(c -> c.split(" ")[0].equals(action)).count();
  }
}

package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.cli.TestCli;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * A 200-role stack applied through a proxy that turns about 10% of IAM responses into throttling
 * errors or HTTP 500 (some after moto made the change) and resets 2% of connections: the apply
 * converges in one run, the next plan is empty, and moto holds exactly the declared roles, each
 * tagged, with its attachments and inline policy (checked through the SDK, bypassing the proxy).
 */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class ApplyFaultsE2E {
  static final int ROLES = 200;

  @Test
  void convergesThroughThrottlingServerErrorsAndResets(Moto moto, @TempDir Path dir) throws Exception {
    Path stack = StackFiles.roles(dir, "faults", "flaky", ROLES);
    try (FaultProxy proxy = new FaultProxy(moto.endpoint(), 20261129L, 0.05, 0.05, 0.02)) {
      Map<String, String> env = new HashMap<>(moto.env());
      env.put("AWS_ENDPOINT_URL", proxy.endpoint().toString());
      TestCli.Run r = TestCli.run(env, "apply", stack.toString(), "--auto-approve", "--target", "aws");
      assertEquals(0, r.exit(), () -> r + "\n" + proxy.stats());
      assertTrue(r.out().contains("Apply complete! " + (ROLES * 4) + " created"), r::toString);
      assertTrue(proxy.throttled.get() > 10, proxy::stats);
      assertTrue(proxy.serverErrors.get() > 10, proxy::stats);
      assertTrue(proxy.resets.get() > 2, proxy::stats);
      System.err.println("[faults] " + proxy.stats());

      TestCli.Run again = TestCli.run(env, "apply", stack.toString(), "--target", "aws");
      assertEquals(0, again.exit(), again::toString);
      assertTrue(again.out().contains("No changes."), again::toString);
    }
    try (IamClient iam = moto.iam()) {
      List<Role> roles =
          iam.listRolesPaginator(r -> r.maxItems(1000)).roles().stream()
              .filter(r -> r.roleName().startsWith("flaky"))
              .toList();
      assertEquals(ROLES, roles.size());
      assertEquals(ROLES, roles.stream().map(Role::roleName).distinct().count());
      for (Role role : roles) {
        String name = role.roleName();
        var tags = iam.listRoleTags(t -> t.roleName(name)).tags();
        assertEquals(1, tags.size(), name);
        assertEquals("faults", tags.get(0).value(), name);
        assertEquals(
            java.util.stream.Stream.of(StackFiles.READ_ONLY, StackFiles.S3_READ).sorted().toList(),
            iam.listAttachedRolePolicies(a -> a.roleName(name)).attachedPolicies().stream()
                .map(p -> p.policyArn()).sorted().toList(),
            name);
        assertEquals(List.of("logs"), iam.listRolePolicies(p -> p.roleName(name)).policyNames(), name);
      }
    }
  }
}

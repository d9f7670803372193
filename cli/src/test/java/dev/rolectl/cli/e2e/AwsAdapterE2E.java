package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.model.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.iam.IamClient;

/** The {@code aws} adapter against a real moto server: what it reads and what it costs. */
@Tag("e2e")
@ExtendWith(MotoServer.class)
class AwsAdapterE2E {
  /** Byte for byte the trust policy file of the AWS guide (ecs-infrastructure-trust-policy.json). */
  static final String GUIDE_TRUST =
      "{ \"Version\": \"2012-10-17\", \"Statement\": [ { \"Sid\":"
          + " \"AllowAccessToECSForInfrastructureManagement\", \"Effect\": \"Allow\", \"Principal\":"
          + " { \"Service\": \"ecs.amazonaws.com\" }, \"Action\": \"sts:AssumeRole\" } ] }";
  static final String GUIDE_ROLE = "ecsInfrastructureRoleForLoadBalancers";
  static final String GUIDE_POLICY =
      "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForLoadBalancers";

  @Test
  void readsTheGuidesRoleInThreeCalls(Moto moto) {
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName(GUIDE_ROLE).assumeRolePolicyDocument(GUIDE_TRUST));
      iam.attachRolePolicy(r -> r.roleName(GUIDE_ROLE).policyArn(GUIDE_POLICY));
    }
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      LiveAccount account = target.iam().read(ReadRequest.rolesAndPolicies());

      assertEquals(Moto.ACCOUNT_ID, account.accountId());
      assertEquals("aws", account.partition());
      LiveRole role = account.role(GUIDE_ROLE).orElseThrow();
      assertEquals("/", role.path());
      assertEquals("arn:aws:iam::123456789012:role/" + GUIDE_ROLE, role.arn());
      assertEquals(List.of(GUIDE_POLICY), role.attachedPolicyArns());
      assertEquals(3600, role.maxSessionDuration());
      assertNull(role.description());
      assertEquals(Map.of(), role.inlinePolicies());
      assertEquals(Map.of(), role.tags());
      assertEquals("2012-10-17", role.trustPolicy().version());
      Statement trust = role.trustPolicy().statements().get(0);
      assertEquals("AllowAccessToECSForInfrastructureManagement", trust.sid());
      assertTrue(trust.isAllow());
      assertEquals(List.of("ecs.amazonaws.com"), trust.principal().values("Service"));
      assertEquals(List.of("sts:AssumeRole"), trust.action());
      assertEquals(Map.of(), account.policies(), "AWS managed policies are not read");

      ApiStats stats = target.stats();
      assertEquals(
          Map.of("GetCallerIdentity", 1L, "GetAccountAuthorizationDetails", 1L, "ListRoles", 1L),
          stats.callsByOperation());
      assertEquals(3, stats.attempts());
      assertTrue(stats.waited().toNanos() > 0);
    }
  }

  @Test
  void unreachableEndpointIsAUserError(Moto moto) {
    java.net.URI closed = java.net.URI.create("http://127.0.0.1:" + closedPort());
    try (Target target =
        Targets.open("aws", moto.targetOptions().withEndpoint(closed).withMaxAttempts(1))) {
      TargetException e =
          assertThrows(TargetException.class, () -> target.iam().read(ReadRequest.rolesAndPolicies()));
      assertTrue(e.getMessage().startsWith("cannot reach AWS"), e.getMessage());
      assertTrue(e.getMessage().contains("AWS_ENDPOINT_URL"), e.getMessage());
    }
  }

  static int closedPort() {
    try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
      return s.getLocalPort();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

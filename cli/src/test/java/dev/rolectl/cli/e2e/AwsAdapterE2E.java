package dev.rolectl.cli.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveInstanceProfile;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.Targets;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.local.SnapshotWriter;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.PrincipalType;
import dev.rolectl.engine.model.Statement;
import dev.rolectl.engine.policy.PolicyParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
  void readsTheGuidesRoleInFourCalls(Moto moto) {
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
          Map.of("GetCallerIdentity", 1L, "GetAccountAuthorizationDetails", 1L, "ListRoles", 1L,
              "ListInstanceProfiles", 1L),
          stats.callsByOperation());
      assertEquals(4, stats.attempts());
      assertTrue(stats.waited().toNanos() > 0);
    }
  }

  @Test
  void readsEveryAttribute(Moto moto) {
    try (IamClient iam = moto.iam()) {
      SeedAccount.create(iam);
    }
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      LiveAccount account = target.iam().read(ReadRequest.everything());

      LiveRole app = account.role("app").orElseThrow();
      assertEquals("/apps/", app.path());
      assertEquals("arn:aws:iam::123456789012:role/apps/app", app.arn());
      assertTrue(app.roleId() != null && !app.roleId().isEmpty());
      assertEquals("The app's role: a+b", app.description());
      assertEquals(7200, app.maxSessionDuration());
      assertEquals(document(SeedAccount.APP_TRUST), app.trustPolicy());
      assertEquals(
          List.of("a+b c%20d"),
          app.trustPolicy().statements().get(0).condition().get("StringEquals").get("sts:ExternalId"),
          "URL-decoding keeps + and %20 of the document text");
      assertEquals(Map.of("read-bucket", document(SeedAccount.INLINE)), app.inlinePolicies());
      assertEquals(
          List.of(
              "arn:aws:iam::123456789012:policy/deploy/passEcsInfrastructureRole",
              "arn:aws:iam::aws:policy/ReadOnlyAccess"),
          app.attachedPolicyArns());
      assertEquals("arn:aws:iam::123456789012:policy/boundary", app.permissionsBoundaryArn());
      assertEquals(Map.of("rolectl:stack", "ecs-platform", "owner", "me"), app.tags());
      assertEquals(List.of("app-profile"), app.instanceProfiles());

      assertEquals(Set.of("boundary", "passEcsInfrastructureRole"), account.policies().keySet());
      LiveManagedPolicy pass = account.policy("passEcsInfrastructureRole").orElseThrow();
      assertEquals("/deploy/", pass.path());
      assertEquals("Lets deployers pass the ECS infrastructure role", pass.description());
      assertEquals("v2", pass.defaultVersionId());
      assertEquals(List.of("v1", "v2"), pass.versionIds());
      assertEquals(document(SeedAccount.PASS_V2), pass.defaultDocument());
      assertEquals(Map.of("rolectl:stack", "ecs-platform", "team", "platform"), pass.tags());
      assertEquals(
          Map.of(
              PrincipalType.ROLE, List.of("app"),
              PrincipalType.USER, List.of("deployer"),
              PrincipalType.GROUP, List.of("deployers")),
          pass.attachments());
      assertEquals(Map.of(), account.policy("boundary").orElseThrow().attachments());
      assertEquals(
          List.of(
              new LivePrincipal(PrincipalType.USER, "deployer", List.of(pass.arn())),
              new LivePrincipal(PrincipalType.GROUP, "deployers", List.of(pass.arn()))),
          account.principals());

      assertEquals(
          Map.of(
              "GetCallerIdentity", 1L,
              "GetAccountAuthorizationDetails", 1L,
              "ListRoles", 1L,
              "ListInstanceProfiles", 1L, // the profile's tags came with the role's details
              "ListPolicyTags", 2L),
          target.stats().callsByOperation());
      LiveInstanceProfile profile = account.instanceProfiles().get("app-profile");
      assertEquals(List.of("app"), profile.roles(), account.instanceProfiles()::toString);
      assertEquals("arn:aws:iam::123456789012:instance-profile/app-profile", profile.arn());
    }
  }

  @Test
  void usersGroupsAndPolicyTagsOnlyWhenAsked(Moto moto) {
    try (IamClient iam = moto.iam()) {
      SeedAccount.create(iam);
    }
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      LiveAccount full = target.iam().read(ReadRequest.everything());
      LiveAccount lean = target.iam().read(new ReadRequest(false, false, false));

      assertEquals(List.of(), lean.principals());
      LiveManagedPolicy pass = lean.policy("passEcsInfrastructureRole").orElseThrow();
      assertEquals(Map.of(PrincipalType.ROLE, List.of("app")), pass.attachments());
      assertEquals(Map.of(), pass.tags());
      assertEquals(full.narrowedTo(new ReadRequest(false, false, false)), lean);
      assertEquals(full.roles(), lean.roles());
      // the second read: no STS call (cached), no ListPolicyTags
      assertEquals(1L, target.stats().calls("GetCallerIdentity"));
      assertEquals(2L, target.stats().calls("ListPolicyTags"));
      assertEquals(2L, target.stats().calls("GetAccountAuthorizationDetails"));

      // users and groups alone (a plan that deletes a policy): one more GAAD page, nothing else
      long before = target.stats().totalCalls();
      List<dev.rolectl.engine.live.LivePrincipal> principals = target.iam().readPrincipals(true, true);
      assertEquals(1, target.stats().totalCalls() - before, target.stats().toString());
      assertEquals(3L, target.stats().calls("GetAccountAuthorizationDetails"));
      assertEquals(full.principals(), principals);
      assertEquals(full, full.narrowedTo(ReadRequest.rolesAndPolicies()).withPrincipals(principals));
    }
  }

  @Test
  void readCostDoesNotGrowWithAttachmentsOrInlinePolicies(Moto moto) {
    int roles = 40;
    try (IamClient iam = moto.iam()) {
      for (int p = 0; p < 2; p++) {
        int n = p;
        iam.createPolicy(r -> r.policyName("shared-" + n).policyDocument(SeedAccount.PASS_V1));
      }
      for (int i = 0; i < roles; i++) {
        String name = "role-" + i;
        iam.createRole(r -> r.roleName(name).assumeRolePolicyDocument(GUIDE_TRUST));
        iam.attachRolePolicy(r -> r.roleName(name).policyArn(SeedAccount.ACCOUNT + "policy/shared-0"));
        iam.attachRolePolicy(r -> r.roleName(name).policyArn(SeedAccount.ACCOUNT + "policy/shared-1"));
        iam.attachRolePolicy(r -> r.roleName(name).policyArn(GUIDE_POLICY));
        iam.putRolePolicy(r -> r.roleName(name).policyName("inline").policyDocument(SeedAccount.INLINE));
      }
    }
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      LiveAccount account = target.iam().read(ReadRequest.rolesAndPolicies());
      assertEquals(roles, account.roles().size());
      assertEquals(3, account.role("role-7").orElseThrow().attachedPolicyArns().size());
      assertEquals(
          roles, account.policy("shared-1").orElseThrow().attachedTo(PrincipalType.ROLE).size());
      // 1 STS + 1 GAAD page + 1 ListRoles page + 1 ListInstanceProfiles page + 1 ListPolicyTags
      // per customer policy
      assertEquals(6, target.stats().totalCalls(), target.stats().toString());
      assertEquals(0L, target.stats().calls("GetRole"));
    }
  }

  @Test
  void usersInlinePoliciesGroupsAndTagsAreReadAndKeptInSnapshots(Moto moto, @TempDir Path dir) {
    try (IamClient iam = moto.iam()) {
      iam.createUser(r -> r.userName("carol").path("/team/").tags(t -> t.key("team").value("ops")));
      iam.putUserPolicy(r -> r.userName("carol").policyName("own").policyDocument(SeedAccount.INLINE));
      iam.createGroup(r -> r.groupName("ops"));
      iam.putGroupPolicy(r -> r.groupName("ops").policyName("shared").policyDocument(SeedAccount.INLINE));
      iam.addUserToGroup(r -> r.groupName("ops").userName("carol"));
    }
    LiveAccount read;
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      read = target.iam().read(ReadRequest.everything());
    }
    var carol = read.principals().stream().filter(p -> p.name().equals("carol")).findFirst().orElseThrow();
    assertEquals("/team/", carol.path());
    assertEquals(List.of("ops"), carol.groups());
    assertEquals(java.util.Set.of("own"), carol.inlinePolicies().keySet());
    assertEquals(Map.of("team", "ops"), carol.tags());
    var ops = read.principals().stream().filter(p -> p.name().equals("ops")).findFirst().orElseThrow();
    assertEquals(java.util.Set.of("shared"), ops.inlinePolicies().keySet());
    Path file = dir.resolve("account.json");
    SnapshotWriter.write(read, file);
    try (Target target = Targets.open("snapshot:" + file, moto.targetOptions())) {
      assertEquals(read, target.iam().read(ReadRequest.everything()));
    }
  }

  @Test
  void snapshotOfAMotoReadReadsBackEqualThroughLocalAndSnapshotTargets(Moto moto, @TempDir Path dir) {
    try (IamClient iam = moto.iam()) {
      SeedAccount.create(iam);
    }
    LiveAccount fromMoto;
    try (Target target = Targets.open("aws", moto.targetOptions())) {
      fromMoto = target.iam().read(ReadRequest.everything());
    }
    Path file = dir.resolve("account.json");
    SnapshotWriter.write(fromMoto, file);
    for (String spec : List.of("local:" + file, "snapshot:" + file)) {
      try (Target target = Targets.open(spec, moto.targetOptions())) {
        assertEquals(fromMoto, target.iam().read(ReadRequest.everything()), spec);
        assertEquals(
            fromMoto.narrowedTo(ReadRequest.rolesAndPolicies()),
            target.iam().read(ReadRequest.rolesAndPolicies()),
            spec);
        assertEquals(
            fromMoto,
            target.iam().read(ReadRequest.rolesAndPolicies())
                .withPrincipals(target.iam().readPrincipals(true, true)),
            spec);
        assertEquals(ApiStats.none(), target.stats());
      }
    }
  }

  @Test
  void sdkEndpointVariablesAreHonoured(Moto moto, @TempDir Path home) throws Exception {
    try (IamClient iam = moto.iam()) {
      iam.createRole(r -> r.roleName(GUIDE_ROLE).assumeRolePolicyDocument(GUIDE_TRUST));
    }
    String expected = "account=123456789012 roles=[" + GUIDE_ROLE + "]";

    assertEquals(expected, probe(home, moto.env()));

    Map<String, String> perService = new java.util.HashMap<>(moto.env());
    perService.put("AWS_ENDPOINT_URL", "http://127.0.0.1:" + closedPort());
    perService.put("AWS_ENDPOINT_URL_IAM", moto.endpoint().toString());
    perService.put("AWS_ENDPOINT_URL_STS", moto.endpoint().toString());
    assertEquals(expected, probe(home, perService), "service-specific variables win");
  }

  /** Runs {@link EndpointProbe} in a child JVM with exactly this environment (plus PATH, HOME). */
  private static String probe(Path home, Map<String, String> env) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                EndpointProbe.class.getName())
            .redirectErrorStream(true);
    pb.environment().clear();
    pb.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    pb.environment().put("HOME", home.toString());
    pb.environment().put("AWS_CONFIG_FILE", home.resolve("no-config").toString());
    pb.environment().put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("no-credentials").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(p.waitFor(60, TimeUnit.SECONDS), "probe did not finish");
    assertEquals(0, p.exitValue(), out);
    return out;
  }

  private static PolicyDocument document(String json) {
    return PolicyParser.parseJson(json).document().orElseThrow();
  }

  @Test
  void unreachableEndpointIsAUserError(Moto moto) {
    java.net.URI closed = java.net.URI.create("http://127.0.0.1:" + closedPort());
    try (Target target =
        Targets.open("aws", moto.targetOptions().withEndpoint(closed).withMaxAttempts(2))) {
      TargetException e =
          assertThrows(TargetException.class, () -> target.iam().read(ReadRequest.rolesAndPolicies()));
      assertTrue(e.getMessage().startsWith("cannot find out which account the credentials belong"
          + " to: cannot connect to " + closed), e.getMessage());
      assertTrue(e.getMessage().contains("AWS_ENDPOINT_URL"), e.getMessage());
      assertEquals(Map.of("GetCallerIdentity", 1L), target.stats().callsByOperation());
      assertEquals(2, target.stats().attempts(), "the call was retried once");
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

package dev.rolectl.engine.live.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.LiveManagedPolicy;
import dev.rolectl.engine.live.LivePrincipal;
import dev.rolectl.engine.live.LiveRole;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.PrincipalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AccountFileTest {

  static String fixture(String name) {
    try (var in = AccountFileTest.class.getResourceAsStream("/live/" + name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void readsTheOutputOfTheAwsCli() {
    LiveAccount a = AccountFile.parse(fixture("aws-cli-output.json"), "acct.json").account();

    assertEquals("111122223333", a.accountId());
    assertEquals("aws", a.partition());
    assertEquals(Set.of("ecsInfrastructureRoleForLoadBalancers", "app"), a.roles().keySet());

    LiveRole ecs = a.role("ecsInfrastructureRoleForLoadBalancers").orElseThrow();
    assertEquals(
        List.of("ecs.amazonaws.com"), ecs.trustPolicy().statements().get(0).principal().values("Service"));
    assertEquals(Instant.parse("2024-05-06T07:08:09Z"), ecs.lastUsed());
    assertEquals(3600, ecs.maxSessionDuration());
    assertNull(ecs.description());

    LiveRole app = a.role("app").orElseThrow();
    assertEquals(
        List.of("ec2.amazonaws.com"),
        app.trustPolicy().statements().get(0).principal().values("Service"),
        "a URL-encoded trust policy");
    assertEquals(
        List.of("arn:aws:s3:::my+bucket/a b/*"),
        app.inlinePolicies().get("read-bucket").statements().get(0).resource(),
        "+ stays a plus, %20 is a space");
    assertEquals(List.of("app-profile"), app.instanceProfiles());
    assertEquals("arn:aws:iam::111122223333:policy/boundary", app.permissionsBoundaryArn());
    assertEquals(Map.of("rolectl:stack", "ecs-platform"), app.tags());
    assertNull(app.lastUsed());

    assertEquals(Set.of("passEcsInfrastructureRole"), a.policies().keySet(), "AWS managed skipped");
    LiveManagedPolicy pass = a.policy("passEcsInfrastructureRole").orElseThrow();
    assertEquals("v2", pass.defaultVersionId());
    assertEquals(List.of("v1", "v2"), pass.versionIds());
    assertEquals(
        Map.of("iam:PassedToService", List.of("ecs.amazonaws.com")),
        pass.defaultDocument().statements().get(0).condition().get("StringEquals"));
    assertEquals(
        Map.of(PrincipalType.ROLE, List.of("app"), PrincipalType.USER, List.of("deployer")),
        pass.attachments());
    assertEquals(
        List.of(
            // the user's GroupList is read too (access analysis counts group policies)
            new LivePrincipal(PrincipalType.USER, "deployer", List.of(pass.arn()), null, "/",
                List.of("deployers"), Map.of(), Map.of(), Map.of()),
            new LivePrincipal(PrincipalType.GROUP, "deployers", List.of())),
        a.principals());
  }

  @Test
  void anEmptyObjectIsAnEmptyAccountWithDefaults() {
    LiveAccount a = AccountFile.parse("{}", "f.json").account();
    assertEquals(LocalState.empty().account(), a);
    assertEquals("123456789012", a.accountId());
  }

  static final String ALLOW =
      "{\"Effect\": \"Allow\", \"Principal\": {\"Service\": \"ecs.amazonaws.com\"},"
          + " \"Action\": \"sts:AssumeRole\"}";

  @Test
  void extrasNameTheAccountAndGiveDescriptionsAndPolicyTags() {
    String json =
        "{\"AccountId\": \"999988887777\", \"Partition\": \"aws-cn\", \"RoleDetailList\": [{"
            + "\"RoleName\": \"r\", \"Description\": \"d\", \"MaxSessionDuration\": 43200,"
            + "\"AssumeRolePolicyDocument\": {\"Version\": \"2012-10-17\", \"Statement\": [" + ALLOW + "]}}],"
            + "\"Policies\": [{\"Arn\": \"arn:aws-cn:iam::999988887777:policy/p\", \"Tags\":"
            + " [{\"Key\": \"k\", \"Value\": \"v\"}], \"PolicyVersionList\": [{\"VersionId\": \"v1\","
            + " \"IsDefaultVersion\": true, \"Document\": \"{\\\"Version\\\": \\\"2012-10-17\\\","
            + " \\\"Statement\\\": {\\\"Effect\\\": \\\"Deny\\\", \\\"Action\\\": \\\"*\\\","
            + " \\\"Resource\\\": \\\"*\\\"}}\"}]}]}";
    LiveAccount a = AccountFile.parse(json, "f.json").account();
    assertEquals("999988887777", a.accountId());
    assertEquals("aws-cn", a.partition());
    LiveRole r = a.role("r").orElseThrow();
    assertEquals("arn:aws-cn:iam::999988887777:role/r", r.arn(), "derived when absent");
    assertEquals("d", r.description());
    assertEquals(43200, r.maxSessionDuration());
    LiveManagedPolicy p = a.policy("p").orElseThrow();
    assertEquals("/", p.path());
    assertEquals(Map.of("k", "v"), p.tags());
    assertEquals("v1", p.defaultVersionId());
  }

  @Test
  void truncatedJsonNamesFileLineAndColumn() {
    String truncated = "{\n  \"RoleDetailList\": [\n    {\"RoleName\": \"r\"";
    TargetException e =
        assertThrows(TargetException.class, () -> AccountFile.parse(truncated, "acct.json"));
    Location at = e.location().orElseThrow();
    assertEquals("acct.json", at.file());
    assertEquals(3, at.line());
    assertTrue(e.getMessage().startsWith("acct.json:3:"), e.getMessage());
    assertTrue(e.getMessage().contains("the account file ends too early"), e.getMessage());
    assertTrue(e.getMessage().contains("rolectl snapshot --out"), e.getMessage());
  }

  @Test
  void duplicateKeysAreSyntaxErrors() {
    TargetException e =
        assertThrows(
            TargetException.class,
            () -> AccountFile.parse("{\"AccountId\": \"1\",\n \"AccountId\": \"2\"}", "d.json"));
    assertEquals(2, e.location().orElseThrow().line());
  }

  @Test
  void contentAfterTheObjectIsASyntaxError() {
    TargetException e =
        assertThrows(TargetException.class, () -> AccountFile.parse("{}\n{}", "two.json"));
    assertEquals(new Location("two.json", 2, 1), e.location().orElseThrow());
  }

  @Test
  void anEmptyFileSaysWhatToPutInIt() {
    TargetException e = assertThrows(TargetException.class, () -> AccountFile.parse(" ", "e.json"));
    assertTrue(e.getMessage().contains("is empty"), e.getMessage());
  }

  @Test
  void everyProblemIsReportedAtOnceWithItsPath() {
    String json =
        "{\"AccountId\": \"12\", \"RoleDetailList\": [{\"Path\": \"/\"}, {\"RoleName\": \"ok\","
            + " \"MaxSessionDuration\": \"long\", \"AssumeRolePolicyDocument\": 5}],"
            + " \"Policies\": [{\"PolicyName\": \"p\", \"PolicyVersionList\": []}],"
            + " \"UserDetailList\": {}}";
    TargetException e = assertThrows(TargetException.class, () -> AccountFile.parse(json, "p.json"));
    String m = e.getMessage();
    assertTrue(m.startsWith("p.json: the account file has 7 problems"), m);
    for (String expected :
        List.of(
            "AccountId: must be 12 digits",
            "RoleDetailList[0].RoleName: is missing",
            "RoleDetailList[0].AssumeRolePolicyDocument: is missing",
            "RoleDetailList[1].MaxSessionDuration: must be a whole number",
            "RoleDetailList[1].AssumeRolePolicyDocument: must be a policy document",
            "Policies[0].PolicyVersionList: the policy p has no default version",
            "UserDetailList: must be a list")) {
      assertTrue(m.contains(expected), expected + " in\n" + m);
    }
  }
  /** IAM gives an attached policy's ARN as the policy has it; another case is a located problem. */
  @Test
  void anAttachmentNamingACustomerPolicyInAnotherCaseIsAProblem() {
    String trust = "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\","
        + " \"Principal\": {\"Service\": \"ecs.amazonaws.com\"}, \"Action\": \"sts:AssumeRole\"}]}";
    String policy = "{\"PolicyName\": \"wide\", \"DefaultVersionId\": \"v1\", \"PolicyVersionList\":"
        + " [{\"VersionId\": \"v1\", \"IsDefaultVersion\": true, \"Document\": {\"Version\":"
        + " \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Action\": \"ec2:*\","
        + " \"Resource\": \"*\"}]}}]}";
    String json = "{\"AccountId\": \"123456789012\", \"RoleDetailList\": [{\"RoleName\": \"infra\","
        + " \"AssumeRolePolicyDocument\": " + trust + ", \"AttachedManagedPolicies\": [{\"PolicyArn\":"
        + " \"arn:aws:iam::123456789012:policy/WIDE\"}], \"PermissionsBoundary\":"
        + " {\"PermissionsBoundaryArn\": \"arn:aws:iam::123456789012:policy/Wide\"}}],"
        + " \"Policies\": [" + policy + "]}";
    TargetException e = assertThrows(TargetException.class, () -> AccountFile.parse(json, "c.json"));
    String m = e.getMessage();
    assertTrue(m.contains("RoleDetailList[0].AttachedManagedPolicies[0].PolicyArn: 'arn:aws:iam::"
        + "123456789012:policy/WIDE' names the customer managed policy arn:aws:iam::123456789012:"
        + "policy/wide in another case"), m);
    assertTrue(m.contains("RoleDetailList[0].PermissionsBoundary.PermissionsBoundaryArn:"), m);
    assertTrue(AccountFile.parse(json.replace("policy/WIDE", "policy/wide")
        .replace("policy/Wide", "policy/wide"), "c.json") != null, "as IAM writes it: read");
  }
}

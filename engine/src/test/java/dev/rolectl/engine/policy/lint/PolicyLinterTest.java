package dev.rolectl.engine.policy.lint;

import static dev.rolectl.engine.policy.lint.StackFixture.ACCOUNT;
import static dev.rolectl.engine.policy.lint.StackFixture.ECS_TRUST;
import static dev.rolectl.engine.policy.lint.StackFixture.LB_POLICY;
import static dev.rolectl.engine.policy.lint.StackFixture.identity;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.model.Diagnostic;
import dev.rolectl.engine.model.EcsInfrastructure;
import dev.rolectl.engine.model.Location;
import dev.rolectl.engine.model.Severity;
import dev.rolectl.engine.model.StackSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** One positive and one negative test per lint rule. */
class PolicyLinterTest {

  static StackFixture ecsRole() {
    return new StackFixture().role("r", ECS_TRUST);
  }

  /** A stack whose role r has one inline policy p with the given statement members. */
  static StackFixture inline(String members) {
    return ecsRole().inline("r", "p", identity(members));
  }

  static String trust(String members) {
    return "{'Version':'2012-10-17','Statement':[{'Effect':'Allow','Action':'sts:AssumeRole',"
        + members + "}]}";
  }

  static Diagnostic one(List<Diagnostic> findings) {
    assertEquals(1, findings.size(), findings.toString());
    return findings.get(0);
  }

  static void none(List<Diagnostic> findings) {
    assertEquals(List.of(), findings);
  }

  static void mentions(Diagnostic d, String... parts) {
    for (String p : parts) {
      assertTrue(d.message().contains(p), "'" + p + "' not in: " + d.message());
    }
  }

  @Nested
  class TrustWildcardPrincipalRule {
    static final String ID = "trust-wildcard-principal";

    @Test
    void firesOnAnyoneWithoutCondition() {
      Diagnostic d = one(new StackFixture().role("r", trust("'Principal':'*'"))
          .at("/roles/r/trustPolicy/Statement/0/Principal", 7, 9).lint(ID));
      assertEquals(Severity.ERROR, d.severity());
      assertEquals(new Location(StackFixture.FILE, 7, 9), d.location());
      assertEquals("roles.r", d.address().value());
      one(new StackFixture().role("r", trust("'Principal':{'AWS':'*'}")).lint(ID));
    }

    @Test
    void quietWithConditionOrNamedPrincipal() {
      none(new StackFixture().role("r", trust("'Principal':'*','Condition':"
          + "{'StringEquals':{'aws:PrincipalOrgID':'o-abc'}}")).lint(ID));
      none(ecsRole().lint(ID));
    }
  }

  @Nested
  class TrustCrossAccountRule {
    static final String ID = "trust-cross-account-without-condition";

    @Test
    void firesOnOtherAccountRootOrId() {
      mentions(one(new StackFixture().role("r", trust("'Principal':{'AWS':"
          + "['arn:aws:iam::444455556666:root','777788889999']}")).lint(ID)),
          "444455556666, 777788889999", "sts:ExternalId");
    }

    @Test
    void quietForOwnAccountSpecificRolesOrCondition() {
      none(new StackFixture().role("r", trust("'Principal':{'AWS':['" + ACCOUNT + "',"
          + "'arn:aws:iam::444455556666:role/deployer']}")).lint(ID));
      none(new StackFixture().role("r", trust("'Principal':{'AWS':'444455556666'},"
          + "'Condition':{'StringEquals':{'sts:ExternalId':'x-123'}}")).lint(ID));
    }
  }

  @Nested
  class PassRoleWildcardResourceRule {
    static final String ID = "passrole-wildcard-resource";

    @Test
    void firesOnStarNotResourceAndNotAction() {
      Diagnostic d = one(inline("'Effect':'Allow','Action':'iam:PassRole','Resource':'*'")
          .at("/roles/r/inlinePolicies/p/Statement/0/Resource", 12, 21).lint(ID));
      assertEquals(new Location(StackFixture.FILE, 12, 21), d.location());
      assertEquals("roles.r.inlinePolicies.p", d.address().value());
      one(inline("'Effect':'Allow','Action':'iam:*','NotResource':'arn:aws:iam::1:role/x'")
          .lint(ID));
      mentions(one(inline("'Effect':'Allow','NotAction':'s3:*','Resource':'*'").lint(ID)),
          "NotAction");
    }

    @Test
    void quietOnSpecificRoleOrDeny() {
      none(inline("'Effect':'Allow','Action':'iam:PassRole',"
          + "'Resource':'arn:aws:iam::111122223333:role/r'").lint(ID));
      none(inline("'Effect':'Deny','Action':'iam:PassRole','Resource':'*'").lint(ID));
      none(inline("'Effect':'Allow','NotAction':'iam:PassRole','Resource':'*'").lint(ID));
    }
  }

  @Nested
  class PassRoleWithoutServiceConditionRule {
    static final String ID = "passrole-without-service-condition";

    @Test
    void firesWithoutPassedToService() {
      mentions(one(new StackFixture().policy("pass", identity("'Effect':'Allow',"
          + "'Action':'iam:passrole','Resource':'arn:aws:iam::1:role/x'")).lint(ID)),
          "iam:PassedToService", "managed policy pass");
    }

    @Test
    void quietWithPassedToService() {
      none(new StackFixture().policy("pass", identity("'Effect':'Allow',"
          + "'Action':'iam:PassRole','Resource':'arn:aws:iam::1:role/x','Condition':"
          + "{'StringEquals':{'iam:PassedToService':'ecs.amazonaws.com'}}")).lint(ID));
    }
  }

  @Nested
  class PermissionsManagementWildcardRule {
    static final String ID = "permissions-management-wildcard";

    @Test
    void firesOnPutOrAttachPolicyOnStar() {
      mentions(one(inline("'Effect':'Allow','Action':['iam:Put*Policy','s3:*'],'Resource':'*'")
          .lint(ID)), "iam:PutRolePolicy, iam:PutUserPolicy, iam:PutGroupPolicy");
      one(inline("'Effect':'Allow','Action':'*','Resource':'*'").lint(ID));
    }

    @Test
    void quietOnSpecificResourceOrOtherActions() {
      none(inline("'Effect':'Allow','Action':'iam:AttachRolePolicy',"
          + "'Resource':'arn:aws:iam::111122223333:role/app'").lint(ID));
      none(inline("'Effect':'Allow','Action':'iam:Get*','Resource':'*'").lint(ID));
    }
  }

  @Nested
  class AllowNotActionRule {
    static final String ID = "allow-not-action";

    @Test
    void firesOnAllowNotAction() {
      one(inline("'Effect':'Allow','NotAction':'iam:*','Resource':'*'").lint(ID));
    }

    @Test
    void quietOnDenyNotAction() {
      none(inline("'Effect':'Deny','NotAction':'iam:*','Resource':'*'").lint(ID));
    }
  }

  @Nested
  class AllowNotResourceRule {
    static final String ID = "allow-not-resource";

    @Test
    void firesOnAllowNotResource() {
      one(inline("'Effect':'Allow','Action':'s3:GetObject','NotResource':'arn:aws:s3:::x/*'")
          .lint(ID));
    }

    @Test
    void quietOnDenyNotResource() {
      none(inline("'Effect':'Deny','Action':'s3:GetObject','NotResource':'arn:aws:s3:::x/*'")
          .lint(ID));
    }
  }

  @Nested
  class AdministratorAccessRule {
    static final String ID = "administrator-access-attached";

    @Test
    void firesOnAdministratorAccess() {
      Diagnostic d = one(ecsRole().attach("r", "arn:aws:iam::aws:policy/AdministratorAccess")
          .lint(ID));
      assertTrue(d.address().value().startsWith("roles.r.managedPolicies["), d.toString());
    }

    @Test
    void quietOnOtherPolicies() {
      none(ecsRole().attach("r", "arn:aws:iam::aws:policy/AdministratorAccess-Amplify")
          .attach("r", "arn:aws:iam::111122223333:policy/AdministratorAccess").lint(ID));
    }
  }

  @Nested
  class MalformedPrincipalRule {
    static final String ID = "malformed-principal";

    @Test
    void firesOnBadShapes() {
      mentions(one(new StackFixture().role("r", trust("'Principal':{'Service':'ecs'}"))
          .lint(ID)), "ecs.amazonaws.com");
      one(new StackFixture().role("r", trust("'Principal':{'AWS':'alice'}")).lint(ID));
      one(new StackFixture().role("r", trust("'Principal':{'CanonicalUser':'abc'}")).lint(ID));
      one(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':'*',"
          + "'Principal':{'AWS':'111122223333'}").lint(ID));
      one(new StackFixture().role("r", "{'Version':'2012-10-17','Statement':"
          + "{'Effect':'Allow','Action':'sts:AssumeRole'}}").lint(ID));
    }

    @Test
    void firesOnUnknownTypeInAModelBuiltByHand() {
      var principal = dev.rolectl.engine.model.Principal.of(
          Map.of("Services", List.of("ecs.amazonaws.com")));
      var statement = new dev.rolectl.engine.model.Statement(null, "Allow", principal, null,
          List.of("sts:AssumeRole"), List.of(), List.of(), List.of(), Map.of());
      var trust = new dev.rolectl.engine.model.PolicyDocument("2012-10-17", null,
          List.of(statement));
      var role = new dev.rolectl.engine.model.Role(
          dev.rolectl.engine.model.Address.role("r"), new Location("s.yaml", 1, 1), "r", "/",
          null, 3600, trust, null, Map.of(), null, false, false, java.util.Set.of());
      mentions(one(new StackFixture().role(role).lint(ID)), "unknown principal type 'Services'");
    }

    @Test
    void quietOnWellFormedPrincipals() {
      none(new StackFixture().role("r", trust("'Principal':{'Service':'ecs.amazonaws.com',"
          + "'AWS':['111122223333','arn:aws:iam::1:role/x','*'],"
          + "'Federated':['cognito-identity.amazonaws.com',"
          + "'arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com']}"))
          .lint(ID));
    }
  }

  @Nested
  class MalformedActionRule {
    static final String ID = "malformed-action";

    @Test
    void firesOnNonActions() {
      Diagnostic d = one(inline("'Effect':'Allow','Action':['s3:GetObject','s3 PutObject'],"
          + "'Resource':'*'").at("/roles/r/inlinePolicies/p/Statement/0/Action/1", 4, 11)
          .lint(ID));
      assertEquals(4, d.location().line());
      one(inline("'Effect':'Allow','NotAction':'PassRole','Resource':'*'").lint(ID));
    }

    @Test
    void quietOnActionsAndWildcards() {
      none(inline("'Effect':'Allow','Action':['*','s3:*','ec2:Describe*','execute-api:Invoke',"
          + "'sts:Assume?ole'],'Resource':'*'").lint(ID));
    }
  }

  @Nested
  class StatementShapeRule {
    static final String ID = "statement-shape";

    @Test
    void firesOnMissingOrProhibitedResource() {
      mentions(one(inline("'Effect':'Allow','Action':'s3:GetObject'").lint(ID)),
          "add Resource");
      mentions(one(new StackFixture().role("r", trust("'Principal':'*','Resource':'*'"))
          .lint(ID)), "remove it");
    }

    @Test
    void quietOnTheRightShapes() {
      none(inline("'Effect':'Allow','Action':'s3:GetObject','Resource':'*'").lint(ID));
    }
  }

  @Nested
  class DuplicateSidRule {
    static final String ID = "duplicate-sid";

    @Test
    void firesOnRepeatedSid() {
      mentions(one(ecsRole().policy("p", "{'Version':'2012-10-17','Statement':["
          + "{'Sid':'A','Effect':'Allow','Action':'s3:GetObject','Resource':'*'},"
          + "{'Sid':'A','Effect':'Allow','Action':'s3:PutObject','Resource':'*'}]}").lint(ID)),
          "statements 0 and 1");
    }

    @Test
    void quietOnDistinctOrAbsentSids() {
      none(ecsRole().policy("p", "{'Version':'2012-10-17','Statement':["
          + "{'Sid':'A','Effect':'Allow','Action':'s3:GetObject','Resource':'*'},"
          + "{'Effect':'Allow','Action':'s3:PutObject','Resource':'*'},"
          + "{'Effect':'Allow','Action':'s3:ListBucket','Resource':'*'}]}").lint(ID));
    }
  }

  /** A trust policy naming {@code accounts} roles (39 compact characters each), padded. */
  static String bigTrust(int accounts) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < accounts; i++) {
      b.append(i == 0 ? "" : ",   \n   ").append("'arn:aws:iam::").append(ACCOUNT)
          .append(":role/r").append(String.format("%04d", i)).append("'");
    }
    return trust("'Principal':{'AWS':[" + b + "]}");
  }

  @Nested
  class TrustPolicySizeRule {
    static final String ID = "trust-policy-size";

    @Test
    void firesAbove2048CompactCharacters() {
      mentions(one(new StackFixture().role("r", bigTrust(70)).lint(ID)), "4,096",
          "Service Quotas");
    }

    @Test
    void whitespaceDoesNotCount() {
      String text = bigTrust(45);
      int compact = dev.rolectl.engine.policy.PolicyParser.toJson(StackFixture.json(text))
          .length();
      assertTrue(compact < 2_048 && text.length() > 2_048, compact + " / " + text.length());
      none(new StackFixture().role("r", text).lint(ID));
    }
  }

  static String bigIdentity(int resources) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < resources; i++) {
      b.append(i == 0 ? "" : ",").append("'arn:aws:s3:::bucket-").append(String.format("%04d", i))
          .append("/*'");
    }
    return identity("'Effect':'Allow','Action':'s3:GetObject','Resource':[" + b + "]");
  }

  @Nested
  class InlinePoliciesSizeRule {
    static final String ID = "inline-policies-size";

    @Test
    void firesWhenTheTotalIsOver10240() {
      // each policy ~ 6,200 characters: fine alone, too much together.
      mentions(one(ecsRole().inline("r", "a", bigIdentity(250)).inline("r", "b",
          bigIdentity(250)).lint(ID)), "2 inline policies");
    }

    @Test
    void quietUnderTheTotal() {
      none(ecsRole().inline("r", "a", bigIdentity(250)).lint(ID));
    }
  }

  @Nested
  class ManagedPolicySizeRule {
    static final String ID = "managed-policy-size";

    @Test
    void firesOver6144() {
      one(new StackFixture().policy("p", bigIdentity(260)).lint(ID));
    }

    @Test
    void quietUnder6144() {
      none(new StackFixture().policy("p", bigIdentity(200)).lint(ID));
    }
  }

  static StackFixture withAttachments(int count) {
    StackFixture f = ecsRole();
    for (int i = 0; i < count; i++) {
      f.attach("r", "arn:aws:iam::111122223333:policy/p" + i);
    }
    return f;
  }

  @Nested
  class ManagedPoliciesPerRoleRule {
    static final String ID = "managed-policies-per-role";

    @Test
    void firesOverTheSetting() {
      mentions(one(withAttachments(11).lint(ID)), "settings.maxManagedPoliciesPerRole", "25");
      one(withAttachments(21)
          .settings(new StackSettings(20, List.of(), List.of())).lint(ID));
    }

    @Test
    void quietAtOrUnderTheSetting() {
      none(withAttachments(10).lint(ID));
      none(withAttachments(20).settings(new StackSettings(20, List.of(), List.of())).lint(ID));
    }
  }

  @Nested
  class RoleNameLengthRule {
    @Test
    void firesOver64() {
      one(new StackFixture().role("r".repeat(65), ECS_TRUST).lint("role-name-length"));
    }

    @Test
    void quietAt64() {
      none(new StackFixture().role("r".repeat(64), ECS_TRUST).lint("role-name-length"));
    }
  }

  @Nested
  class PolicyNameLengthRule {
    @Test
    void firesOver128ForManagedAndInline() {
      one(new StackFixture().policy("p".repeat(129), bigIdentity(1)).lint("policy-name-length"));
      one(ecsRole().inline("r", "i".repeat(129), bigIdentity(1)).lint("policy-name-length"));
    }

    @Test
    void quietAt128() {
      none(new StackFixture().policy("p".repeat(128), bigIdentity(1)).lint("policy-name-length"));
    }
  }

  @Nested
  class PathLengthRule {
    @Test
    void firesOver512() {
      one(new StackFixture().policy("p", "/" + "a".repeat(511) + "/", bigIdentity(1), Map.of())
          .lint("path-length"));
    }

    @Test
    void quietAt512() {
      none(new StackFixture().policy("p", "/" + "a".repeat(510) + "/", bigIdentity(1), Map.of())
          .lint("path-length"));
    }
  }

  static Map<String, String> tags(int n) {
    Map<String, String> m = new HashMap<>();
    for (int i = 0; i < n; i++) {
      m.put("k" + i, "v");
    }
    return m;
  }

  @Nested
  class TagCountRule {
    static final String ID = "tag-count";

    @Test
    void firesWhenTheOwnerTagMakes51() {
      mentions(one(new StackFixture().role("r", ECS_TRUST, null, 3600, tags(50)).lint(ID)),
          "51 tags");
    }

    @Test
    void quietAt50WithTheOwnerTag() {
      none(new StackFixture().role("r", ECS_TRUST, null, 3600, tags(49)).lint(ID));
    }
  }

  @Nested
  class MaxSessionDurationRule {
    static final String ID = "max-session-duration";

    @Test
    void firesOutsideTheRange() {
      one(new StackFixture().role("r", ECS_TRUST, null, 3599, Map.of()).lint(ID));
      one(new StackFixture().role("r", ECS_TRUST, null, 43201, Map.of()).lint(ID));
    }

    @Test
    void quietAtTheBounds() {
      none(new StackFixture().role("r", ECS_TRUST, null, 3600, Map.of())
          .role("s", ECS_TRUST, null, 43200, Map.of()).lint(ID));
    }
  }

  @Nested
  class EcsInfrastructureTrustRule {
    static final String ID = "ecs-infrastructure-trust";

    @Test
    void firesWhenEcsCannotAssume() {
      String tasksTrust = trust("'Principal':{'Service':'ecs-tasks.amazonaws.com'}");
      mentions(one(new StackFixture().role("r", tasksTrust, EcsInfrastructure.LOAD_BALANCERS,
          3600, Map.of()).attach("r", LB_POLICY).lint(ID)), "ecs.amazonaws.com");
    }

    @Test
    void quietWhenEcsCanAssume() {
      none(new StackFixture().role("r", ECS_TRUST, EcsInfrastructure.LOAD_BALANCERS, 3600,
          Map.of()).lint(ID));
    }

    @Test
    void firesWhenTheServicePrincipalIsNotWrittenAsAwsWritesIt() {
      String upper = trust("'Principal':{'Service':'ECS.AMAZONAWS.COM'}");
      mentions(one(new StackFixture().role("r", upper, EcsInfrastructure.LOAD_BALANCERS,
          3600, Map.of()).attach("r", LB_POLICY).lint(ID)), "ecs.amazonaws.com");
    }
  }

  @Nested
  class EcsInfrastructurePolicyRule {
    static final String ID = "ecs-infrastructure-policy";

    @Test
    void firesWithoutTheMatchingPolicy() {
      mentions(one(new StackFixture().role("r", ECS_TRUST, EcsInfrastructure.VOLUMES, 3600,
          Map.of()).attach("r", LB_POLICY).lint(ID)),
          "arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForVolumes");
    }

    @Test
    void quietWithTheMatchingPolicy() {
      none(new StackFixture().role("r", ECS_TRUST, EcsInfrastructure.LOAD_BALANCERS, 3600,
          Map.of()).attach("r", LB_POLICY).lint(ID));
    }
  }

  @Nested
  class EcsInfrastructureUndeclaredRule {
    static final String ID = "ecs-infrastructure-undeclared";

    @Test
    void suggestsDeclaringIntent() {
      Diagnostic d = one(ecsRole().attach("r", LB_POLICY).lint(ID));
      assertEquals(Severity.SUGGESTION, d.severity());
      mentions(d, "ecsInfrastructure: loadBalancers");
    }

    @Test
    void quietWhenDeclaredOrNotTrusted() {
      none(new StackFixture().role("r", ECS_TRUST, EcsInfrastructure.LOAD_BALANCERS, 3600,
          Map.of()).attach("r", LB_POLICY).lint(ID));
      none(new StackFixture().role("r", trust("'Principal':{'Service':'ec2.amazonaws.com'}"))
          .attach("r", LB_POLICY).lint(ID));
    }
  }
}

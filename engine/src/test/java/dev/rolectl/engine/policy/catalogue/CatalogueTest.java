package dev.rolectl.engine.policy.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The committed catalogues load and answer the questions lint asks. */
class CatalogueTest {
  private final IamCatalogue iam = IamCatalogue.get();
  private final ManagedPolicyCatalogue managed = ManagedPolicyCatalogue.get();

  @Test
  void actionsAreFoundIgnoringCaseAndByWildcard() {
    IamService s3 = iam.service("S3").orElseThrow();
    assertEquals("GetObject", s3.action("getobject").orElseThrow().name());
    assertTrue(s3.action("GetObjec").isEmpty());
    assertTrue(s3.matching("Get*").size() > 20);
    assertTrue(s3.matching("GetObj?ct").stream().anyMatch(a -> a.name().equals("GetObject")));
    assertTrue(s3.matching("Fetch*").isEmpty());
    assertTrue(iam.service("iam").orElseThrow().action("PassRole").isPresent());
    assertTrue(iam.service("no-such-service").isEmpty());
    assertTrue(iam.prefixes().size() > 400, "hundreds of services");
  }

  @Test
  void resourceTypesOfActions() {
    IamAction getObject = iam.service("s3").orElseThrow().action("GetObject").orElseThrow();
    assertTrue(getObject.appliesTo("arn:aws:s3:::my-bucket/*"));
    assertTrue(getObject.appliesTo("arn:aws:s3:::my-bucket/${aws:username}/*"));
    assertTrue(getObject.appliesTo("*"));
    assertFalse(getObject.appliesTo("arn:aws:s3:::my-bucket"), "a bucket is not an object");
    IamAction listBuckets = iam.service("s3").orElseThrow().action("ListAllMyBuckets").orElseThrow();
    assertTrue(listBuckets.resourceTypes().isEmpty());
    assertFalse(listBuckets.appliesTo("arn:aws:s3:::my-bucket"));
    assertTrue(iam.resourceTypesOfArnService("logs").stream()
        .anyMatch(t -> t.couldMatch("arn:aws:logs:*:*:*")));
  }

  @Test
  void conditionKeysIgnoringCaseWithPlaceholders() {
    assertTrue(iam.isGlobalKey("aws:SourceIp"));
    assertTrue(iam.isGlobalKey("aws:sourceip"));
    assertTrue(iam.isGlobalKey("aws:PrincipalTag/team"));
    assertTrue(iam.isGlobalKey("aws:ViaAWSService"));
    assertFalse(iam.isGlobalKey("aws:SourceIpAddress"));
    assertFalse(iam.isGlobalKey("aws:PrincipalTag/"), "a placeholder stands for something");
    IamService iamService = iam.service("iam").orElseThrow();
    assertTrue(iamService.hasConditionKey("iam:PassedToService"));
    assertTrue(iamService.hasConditionKey("IAM:passedtoservice"));
    assertFalse(iamService.hasConditionKey("iam:PassedToServices"));
    assertTrue(iam.service("s3").orElseThrow().hasConditionKey("s3:ExistingObjectTag/owner"));
  }

  @Test
  void globsOverlap() {
    assertTrue(Globs.overlap("a*c", "ab*"));
    assertTrue(Globs.overlap("*", ""));
    assertTrue(Globs.overlap("a?c", "*c"));
    assertFalse(Globs.overlap("abc", "abd"));
    assertFalse(Globs.overlap("a*", "b*"));
    assertTrue(Globs.overlap("arn:*:s3:::*/*", "arn:aws:s3:::b/k"));
    assertFalse(Globs.overlap("arn:*:s3:::*/*", "arn:aws:s3:::b"));
  }

  @Test
  void managedPoliciesWithPaths() {
    assertEquals("/service-role/",
        managed.byName("AWSLambdaBasicExecutionRole").orElseThrow().path());
    assertTrue(managed.byName("AmazonECSServiceRolePolicy").orElseThrow().forServiceLinkedRoles());
    assertFalse(managed.byName("AmazonECSInfrastructureRolePolicyForLoadBalancers").orElseThrow()
        .forServiceLinkedRoles());
    assertEquals("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole",
        managed.byName("awslambdabasicexecutionrole").orElseThrow().arn("aws"));
    assertTrue(managed.size() > 1500);
  }

  @Test
  void everyCatalogueSaysSourceVersionAndDate() {
    List<CatalogueInfo> info = Catalogues.info();
    assertEquals(3, info.size());
    for (CatalogueInfo i : info) {
      assertTrue(i.date().matches("\\d{4}-\\d{2}-\\d{2}"), i.toString());
      assertFalse(i.version().equals("?"), i.toString());
      assertFalse(i.source().equals("?"), i.toString());
    }
    assertEquals(iam.info(), info.get(0));
    assertEquals(managed.info(), info.get(1));
    assertEquals(IamApiModel.get().info(), info.get(2));
    assertTrue(info.get(2).version().startsWith("botocore "), info.get(2).toString());
  }

  @Test
  void theApiModelHoldsTheConstraintsOfTheCallsRolectlMakes() {
    IamApiModel api = IamApiModel.get();
    IamApiModel.Constraint name = api.of("CreateRole", "RoleName");
    assertEquals("roleNameType", name.shape());
    assertEquals(64, name.max());
    assertEquals(null, name.problem("deploy-role"));
    assertEquals("is 65 characters; IAM allows 1 to 64", name.problem("a".repeat(65)));
    assertTrue(name.problem("deploy role").startsWith("does not match IAM's pattern"));
    assertEquals(50, api.of("TagRole", "Tags").max());
    assertEquals(128, api.of("TagRole", "Tags[].Key").max());
    assertEquals(3600, api.of("CreateRole", "MaxSessionDuration").min());
    assertEquals(64, api.of("AttachUserPolicy", "UserName").max());
    assertEquals(128, api.of("AttachGroupPolicy", "GroupName").max());
    assertEquals(20, api.of("PutRolePermissionsBoundary", "PermissionsBoundary").min());
    assertTrue(api.size() > 60, "constraints: " + api.size());
  }
}

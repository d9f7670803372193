package dev.rolectl.cli.e2e;

import software.amazon.awssdk.services.iam.IamClient;

/**
 * A small account with every attribute the adapters read, created out of band with the SDK: a
 * role with path, description, max session, tags, boundary, instance profile, an inline policy
 * (with characters that URL-encoding changes) and attachments; a customer managed policy with two
 * versions and tags, attached to the role, a user and a group; a second, untagged policy.
 */
final class SeedAccount {
  static final String APP_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":"
          + "\"arn:aws:iam::123456789012:root\"},\"Action\":\"sts:AssumeRole\",\"Condition\":"
          + "{\"StringEquals\":{\"sts:ExternalId\":\"a+b c%20d\"}}}]}";
  static final String INLINE =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Read\",\"Effect\":\"Allow\",\"Action\":"
          + "[\"s3:GetObject\",\"s3:ListBucket\"],\"Resource\":[\"arn:aws:s3:::my+bucket/a b/*\","
          + "\"arn:aws:s3:::my+bucket\"]}]}";
  static final String PASS_V1 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
          + "\"Resource\":\"*\"}]}";
  static final String PASS_V2 =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"iam:PassRole\","
          + "\"Resource\":\"arn:aws:iam::123456789012:role/ecsInfrastructureRoleForLoadBalancers\","
          + "\"Condition\":{\"StringEquals\":{\"iam:PassedToService\":\"ecs.amazonaws.com\"}}}]}";
  static final String BOUNDARY =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
          + "\"Resource\":\"*\"}]}";
  static final String ACCOUNT = "arn:aws:iam::123456789012:";

  private SeedAccount() {}

  static void create(IamClient iam) {
    iam.createRole(r -> r.roleName(AwsAdapterE2E.GUIDE_ROLE).assumeRolePolicyDocument(AwsAdapterE2E.GUIDE_TRUST));
    iam.attachRolePolicy(
        r -> r.roleName(AwsAdapterE2E.GUIDE_ROLE).policyArn(AwsAdapterE2E.GUIDE_POLICY));

    iam.createPolicy(r -> r.policyName("boundary").policyDocument(BOUNDARY));
    iam.createPolicy(
        r ->
            r.policyName("passEcsInfrastructureRole")
                .path("/deploy/")
                .description("Lets deployers pass the ECS infrastructure role")
                .policyDocument(PASS_V1)
                .tags(t -> t.key("rolectl:stack").value("ecs-platform"), t -> t.key("team").value("platform")));
    String pass = ACCOUNT + "policy/deploy/passEcsInfrastructureRole";
    iam.createPolicyVersion(r -> r.policyArn(pass).policyDocument(PASS_V2).setAsDefault(true));

    iam.createRole(
        r ->
            r.roleName("app")
                .path("/apps/")
                .description("The app's role: a+b")
                .maxSessionDuration(7200)
                .assumeRolePolicyDocument(APP_TRUST)
                .permissionsBoundary(ACCOUNT + "policy/boundary")
                .tags(t -> t.key("rolectl:stack").value("ecs-platform"), t -> t.key("owner").value("me")));
    iam.putRolePolicy(r -> r.roleName("app").policyName("read-bucket").policyDocument(INLINE));
    iam.attachRolePolicy(r -> r.roleName("app").policyArn(pass));
    iam.attachRolePolicy(r -> r.roleName("app").policyArn("arn:aws:iam::aws:policy/ReadOnlyAccess"));
    iam.createInstanceProfile(r -> r.instanceProfileName("app-profile"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("app-profile").roleName("app"));

    iam.createUser(r -> r.userName("deployer"));
    iam.attachUserPolicy(r -> r.userName("deployer").policyArn(pass));
    iam.createGroup(r -> r.groupName("deployers"));
    iam.attachGroupPolicy(r -> r.groupName("deployers").policyArn(pass));
  }
}

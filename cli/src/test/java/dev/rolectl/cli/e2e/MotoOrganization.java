package dev.rolectl.cli.e2e;

import java.util.ArrayList;
import java.util.List;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.Credentials;

/**
 * An AWS Organizations organisation in moto, made from moto's default account (the management
 * account): {@code CreateOrganization}, then {@code CreateAccount} for each member, which in moto
 * (as in AWS) makes the account with an {@code OrganizationAccountAccessRole} that the management
 * account may assume. Credentials from that AssumeRole act in the member account.
 */
final class MotoOrganization {
  static final String ACCESS_ROLE = "OrganizationAccountAccessRole";

  /** A member account: its id and name. */
  record Member(String id, String name) {}

  private MotoOrganization() {}

  /** Creates the organisation and {@code count} member accounts named {@code prefix-N}. */
  static List<Member> create(Moto moto, String prefix, int count) {
    return create(moto, prefix, count, null);
  }

  /**
   * As above; with {@code ou} the members are moved into a new organisational unit of that name,
   * whose id {@code ouId[0]} receives.
   */
  static List<Member> create(Moto moto, String prefix, int count, String[] ouId) {
    List<Member> members = new ArrayList<>();
    try (OrganizationsClient org = organizations(moto)) {
      org.createOrganization(r -> r.featureSet("ALL"));
      String root = org.listRoots(r -> {}).roots().get(0).id();
      String ou = ouId == null ? null
          : org.createOrganizationalUnit(r -> r.parentId(root).name(prefix)).organizationalUnit().id();
      for (int i = 1; i <= count; i++) {
        String name = prefix + "-" + i;
        var status = org.createAccount(r -> r.accountName(name).email(name + "@example.com"))
            .createAccountStatus();
        if (ou != null) {
          org.moveAccount(r -> r.accountId(status.accountId()).sourceParentId(root)
              .destinationParentId(ou));
        }
        members.add(new Member(status.accountId(), name));
      }
      if (ouId != null) {
        ouId[0] = ou;
      }
    }
    return members;
  }

  static OrganizationsClient organizations(Moto moto) {
    return OrganizationsClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(Moto.ACCESS_KEY_ID, Moto.SECRET_ACCESS_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** An IAM client acting in a member account, through its access role. Close it when done. */
  static IamClient iamIn(Moto moto, String accountId) {
    return IamClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentialsIn(moto, accountId))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** An ECS client acting in a member account. Close it when done. */
  static software.amazon.awssdk.services.ecs.EcsClient ecsIn(Moto moto, String accountId) {
    return software.amazon.awssdk.services.ecs.EcsClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(credentialsIn(moto, accountId))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build();
  }

  /** Credentials of a session of the member's access role. */
  static StaticCredentialsProvider credentialsIn(Moto moto, String accountId) {
    Credentials c;
    try (StsClient sts = StsClient.builder()
        .endpointOverride(moto.endpoint())
        .region(Region.US_EAST_1)
        .credentialsProvider(StaticCredentialsProvider.create(
            AwsBasicCredentials.create(Moto.ACCESS_KEY_ID, Moto.SECRET_ACCESS_KEY)))
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .build()) {
      c = sts.assumeRole(r -> r.roleArn("arn:aws:iam::" + accountId + ":role/" + ACCESS_ROLE)
          .roleSessionName("seed")).credentials();
    }
    return StaticCredentialsProvider.create(
        software.amazon.awssdk.auth.credentials.AwsSessionCredentials.create(
            c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
  }
}

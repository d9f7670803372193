package dev.rolectl.cli.e2e;

import java.util.Map;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.Tag;

/** Out-of-band changes through the AWS SDK, against moto. */
final class SdkOutOfBand implements OutOfBand, AutoCloseable {
  private final IamClient iam;

  SdkOutOfBand(Moto moto) {
    this.iam = moto.iam();
  }

  @Override
  public void createRole(String name, String path, String trust, Map<String, String> tags) {
    iam.createRole(r -> r.roleName(name).path(path).assumeRolePolicyDocument(trust).tags(tags(tags)));
  }

  @Override
  public void attachRolePolicy(String role, String policyArn) {
    iam.attachRolePolicy(r -> r.roleName(role).policyArn(policyArn));
  }

  @Override
  public void putRolePolicy(String role, String policyName, String document) {
    iam.putRolePolicy(r -> r.roleName(role).policyName(policyName).policyDocument(document));
  }

  @Override
  public void updateAssumeRolePolicy(String role, String trust) {
    iam.updateAssumeRolePolicy(r -> r.roleName(role).policyDocument(trust));
  }

  @Override
  public void tagRole(String role, Map<String, String> tags) {
    iam.tagRole(r -> r.roleName(role).tags(tags(tags)));
  }

  @Override
  public String createPolicy(String name, String document, Map<String, String> tags) {
    return iam.createPolicy(r -> r.policyName(name).policyDocument(document).tags(tags(tags)))
        .policy()
        .arn();
  }

  @Override
  public void createUser(String name) {
    iam.createUser(r -> r.userName(name));
  }

  private static java.util.List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  @Override
  public void close() {
    iam.close();
  }
}

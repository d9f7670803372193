package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.TargetOptions;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;

/**
 * Credentials of a role session ({@code sts:AssumeRole}), made from the target's own credentials
 * through an STS client configured like the others (endpoint, retries, the call counter, so that
 * {@code --stats} counts the AssumeRole). The SDK's provider refreshes the session before it
 * expires. One per target: its IAM, ECS and EC2 clients share it, so a target assumes the role
 * once.
 */
final class AssumedRole implements AwsCredentialsProvider, AutoCloseable {
  private final StsClient sts;
  private final StsAssumeRoleCredentialsProvider provider;

  AssumedRole(StsClient sts, TargetOptions.AssumeRole role) {
    this.sts = sts;
    this.provider =
        StsAssumeRoleCredentialsProvider.builder()
            .stsClient(sts)
            .asyncCredentialUpdateEnabled(false)
            .refreshRequest(
                r -> {
                  r.roleArn(role.roleArn()).roleSessionName(role.sessionName());
                  if (role.externalId() != null) {
                    r.externalId(role.externalId());
                  }
                })
            .build();
  }

  @Override
  public AwsCredentials resolveCredentials() {
    return provider.resolveCredentials();
  }

  @Override
  public void close() {
    provider.close();
    sts.close();
  }
}

package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.TargetOptions;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients of one {@code aws} target, built from {@link TargetOptions}: the standard
 * credential chain (or static credentials), the SDK's endpoint handling ({@code AWS_ENDPOINT_URL},
 * {@code AWS_ENDPOINT_URL_IAM}, {@code AWS_ENDPOINT_URL_STS}, profile {@code endpoint_url}) unless
 * an endpoint is given, the standard retry strategy (exponential backoff with jitter, a longer
 * backoff for throttling errors), the url-connection HTTP client, and the call counter.
 */
final class AwsClients implements AutoCloseable {
  /** IAM is global; the region only selects the partition (and the STS endpoint). */
  static final Region FALLBACK_REGION = Region.US_EAST_1;

  final IamClient iam;
  final StsClient sts;
  final CallCounter counter;
  final AwsCredentialsProvider credentials;

  private AwsClients(
      IamClient iam, StsClient sts, CallCounter counter, AwsCredentialsProvider credentials) {
    this.iam = iam;
    this.sts = sts;
    this.counter = counter;
    this.credentials = credentials;
  }

  static AwsClients build(TargetOptions options, CallCounter counter) {
    checkProfile(options.profile());
    Region region = region(options);
    AwsCredentialsProvider credentials = credentials(options, region, counter);
    IamClient iam =
        configure(IamClient.builder(), "iam", options, region, credentials, counter).build();
    // the caller's identity: with a role to assume, the role session's
    StsClient sts =
        configure(StsClient.builder(), "sts", options, region, credentials, counter).build();
    return new AwsClients(iam, sts, counter, credentials);
  }

  /**
   * An ECS client for one region, configured like the IAM client: {@code AWS_ENDPOINT_URL_ECS} (or
   * {@code AWS_ENDPOINT_URL}) is honoured by the SDK unless {@link TargetOptions#endpoint()} is
   * given. The caller closes it.
   */
  static EcsClient ecs(TargetOptions options, Region region, CallCounter counter) {
    return configure(EcsClient.builder(), "ecs", options, region,
            credentials(options, region, counter), counter)
        .build();
  }

  /**
   * An EC2 client for reading the regions enabled for the account ({@code DescribeRegions});
   * {@code AWS_ENDPOINT_URL_EC2} as for ECS. The caller closes it.
   */
  static Ec2Client ec2(TargetOptions options, Region region, CallCounter counter) {
    return configure(Ec2Client.builder(), "ec2", options, region,
            credentials(options, region, counter), counter)
        .build();
  }

  /**
   * An Organizations client (a global service, signed for the partition's home region) with the
   * caller's own credentials, never a role to assume. The caller closes it.
   */
  static software.amazon.awssdk.services.organizations.OrganizationsClient organizations(
      TargetOptions options, CallCounter counter) {
    checkProfile(options.profile());
    Region region = region(options);
    return configure(software.amazon.awssdk.services.organizations.OrganizationsClient.builder(),
            "organizations", options, region, credentials(options), counter)
        .build();
  }

  private static <B extends AwsClientBuilder<B, ?> & AwsSyncClientBuilder<B, ?>> B configure(
      B builder,
      String service,
      TargetOptions options,
      Region region,
      AwsCredentialsProvider credentials,
      CallCounter counter) {
    builder
        .region(region)
        .credentialsProvider(credentials)
        .httpClientBuilder(
            UrlConnectionHttpClient.builder()
                .connectionTimeout(Duration.ofSeconds(10))
                .socketTimeout(options.attemptTimeout()))
        .overrideConfiguration(
            o -> {
              o.apiCallTimeout(options.callTimeout())
                  .apiCallAttemptTimeout(options.attemptTimeout())
                  .retryStrategy(
                      AwsRetryStrategy.standardRetryStrategy().toBuilder()
                          .maxAttempts(options.maxAttempts())
                          .build())
                  .addExecutionInterceptor(counter)
                  .addExecutionInterceptor(counter.guard(options.readTimeout()));
              if (options.profile() != null) {
                o.defaultProfileName(options.profile());
              }
              if (options.userAgent() != null) {
                o.putAdvancedOption(
                    software.amazon.awssdk.core.client.config.SdkAdvancedClientOption
                        .USER_AGENT_SUFFIX,
                    options.userAgent());
              }
            });
    if (options.endpointOf(service) != null) {
      builder.endpointOverride(options.endpointOf(service));
    }
    return builder;
  }

  /**
   * The given region, else {@code aws.region}/{@code AWS_REGION}, else {@code AWS_DEFAULT_REGION}
   * (what the AWS CLI and CloudShell set; the SDK ignores it), else the profile's, else us-east-1.
   * Instance metadata is not asked: the region selects the partition and where the enabled
   * regions are read, and the ECS scan covers every enabled region anyway.
   */
  static Region region(TargetOptions options) {
    if (options.region() != null) {
      return Region.of(options.region());
    }
    Supplier<Region> fromSettings = () -> new SystemSettingsRegionProvider().getRegion();
    Supplier<Region> fromCliSetting =
        () -> {
          String r = System.getenv("AWS_DEFAULT_REGION");
          return r == null || r.isBlank() ? null : Region.of(r.strip());
        };
    Supplier<Region> fromProfile =
        () ->
            (options.profile() == null
                    ? new AwsProfileRegionProvider()
                    : new AwsProfileRegionProvider(ProfileFile::defaultProfileFile, options.profile()))
                .getRegion();
    for (Supplier<Region> source : java.util.List.of(fromSettings, fromCliSetting, fromProfile)) {
      try {
        Region r = source.get();
        if (r != null) {
          return r;
        }
      } catch (SdkClientException | IllegalArgumentException | IllegalStateException e) {
        // not configured there: try the next source
      }
    }
    return FALLBACK_REGION;
  }

  /**
   * Fails with a clear message when the profile ({@code --profile}, else {@code AWS_PROFILE}) is in
   * neither the shared config nor the credentials file; the SDK would only say "no credentials".
   */
  static void checkProfile(String given) {
    String name =
        given != null
            ? given
            : software.amazon.awssdk.profiles.ProfileFileSystemSetting.AWS_PROFILE.getStringValue()
                .orElse(null);
    if (name == null || name.equals("default")) {
      return;
    }
    ProfileFile file;
    try {
      file = ProfileFile.defaultProfileFile();
    } catch (RuntimeException e) {
      throw new dev.rolectl.engine.live.TargetException(
          "cannot read the AWS config and credentials files for profile '" + name + "' ("
              + e.getMessage() + ")", e);
    }
    if (file.profile(name).isEmpty()) {
      String where = given != null ? "--profile" : "AWS_PROFILE";
      throw new dev.rolectl.engine.live.TargetException(
          "no AWS profile named '" + name + "' (" + where + ") in the AWS config or credentials"
              + " file (~/.aws/config, ~/.aws/credentials, or AWS_CONFIG_FILE and"
              + " AWS_SHARED_CREDENTIALS_FILE); profiles there: "
              + (file.profiles().isEmpty() ? "none" : String.join(", ", new java.util.TreeSet<>(file.profiles().keySet()))));
    }
  }

  /**
   * The target's credentials: with {@link TargetOptions#assumeRole()}, the role session made from
   * the given credentials (once per target, shared by its clients), else those credentials.
   */
  private static AwsCredentialsProvider credentials(
      TargetOptions options, Region region, CallCounter counter) {
    AwsCredentialsProvider base = credentials(options);
    if (options.assumeRole() == null) {
      return base;
    }
    return counter.assumedRole(() -> new AssumedRole(
        configure(StsClient.builder(), "sts", options, region, base, counter).build(),
        options.assumeRole()));
  }

  private static AwsCredentialsProvider credentials(TargetOptions options) {
    TargetOptions.Credentials c = options.credentials();
    if (c != null) {
      return StaticCredentialsProvider.create(
          c.sessionToken() == null
              ? AwsBasicCredentials.create(c.accessKeyId(), c.secretAccessKey())
              : AwsSessionCredentials.create(c.accessKeyId(), c.secretAccessKey(), c.sessionToken()));
    }
    DefaultCredentialsProvider.Builder chain = DefaultCredentialsProvider.builder();
    if (options.profile() != null) {
      chain.profileName(options.profile());
    }
    return chain.build();
  }

  @Override
  public void close() {
    iam.close();
    sts.close();
  }
}

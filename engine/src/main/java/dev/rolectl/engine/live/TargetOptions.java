package dev.rolectl.engine.live;

import java.net.URI;

/**
 * How to reach the {@code aws} target; file targets ignore these. Every field may be {@code null}
 * for "use the SDK's default": the standard credential chain, the region from {@code AWS_REGION}
 * or the profile (else {@code us-east-1}; IAM is global, the region only selects the partition),
 * and endpoints from the SDK's own {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_IAM},
 * {@code AWS_ENDPOINT_URL_STS} and {@code AWS_ENDPOINT_URL_ECS} handling.
 *
 * @param profile a profile of the shared config/credentials files ({@code --profile})
 * @param region a region name ({@code --region}); also the default region of ECS scans
 * @param endpoint one endpoint for IAM, STS and ECS, overriding everything else (emulators, tests)
 * @param credentials static credentials instead of the credential chain (emulators, tests)
 * @param maxAttempts attempts per call including the first (standard retry strategy with
 *     throttling backoff); 0 for the default of {@value #DEFAULT_MAX_ATTEMPTS}
 */
public record TargetOptions(
    String profile, String region, URI endpoint, Credentials credentials, int maxAttempts) {

  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  public TargetOptions {
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
    }
    if (maxAttempts == 0) {
      maxAttempts = DEFAULT_MAX_ATTEMPTS;
    }
  }

  /** Everything from the SDK's defaults. */
  public static TargetOptions defaults() {
    return new TargetOptions(null, null, null, null, 0);
  }

  public TargetOptions withProfile(String profile) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts);
  }

  public TargetOptions withRegion(String region) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts);
  }

  public TargetOptions withEndpoint(URI endpoint) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts);
  }

  public TargetOptions withCredentials(Credentials credentials) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts);
  }

  public TargetOptions withMaxAttempts(int maxAttempts) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts);
  }

  /**
   * Static credentials.
   *
   * @param sessionToken {@code null} for long-term keys
   */
  public record Credentials(String accessKeyId, String secretAccessKey, String sessionToken) {
    public Credentials {
      java.util.Objects.requireNonNull(accessKeyId, "accessKeyId");
      java.util.Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
      return "Credentials[accessKeyId=" + accessKeyId + ", secretAccessKey=***]";
    }
  }
}

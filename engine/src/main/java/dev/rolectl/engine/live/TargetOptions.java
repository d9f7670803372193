package dev.rolectl.engine.live;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * How to reach the {@code aws} target; file targets ignore these. Every field may be {@code null}
 * for "use the SDK's default": the standard credential chain, the region from {@code AWS_REGION}
 * {@code AWS_DEFAULT_REGION} or the profile (else {@code us-east-1}; IAM is global, the region
 * selects the partition and where the enabled regions are read), and endpoints from the SDK's own
 * {@code AWS_ENDPOINT_URL}, {@code AWS_ENDPOINT_URL_IAM}, {@code AWS_ENDPOINT_URL_STS}, {@code
 * AWS_ENDPOINT_URL_ECS} and {@code AWS_ENDPOINT_URL_EC2} handling.
 *
 * @param profile a profile of the shared config/credentials files ({@code --profile})
 * @param region a region name ({@code --region}); also the default region of ECS scans
 * @param endpoint one endpoint for IAM, STS, ECS and EC2, overriding the SDK's settings
 *     (emulators, tests)
 * @param serviceEndpoints endpoints of single services by the SDK's lower-case service name
 *     ({@code iam}, {@code sts}, {@code ecs}, {@code ec2}), overriding {@code endpoint} for that
 *     service, as {@code AWS_ENDPOINT_URL_ECS} overrides {@code AWS_ENDPOINT_URL}
 * @param credentials static credentials instead of the credential chain (emulators, tests)
 * @param maxAttempts attempts per call including the first (standard retry strategy with
 *     throttling backoff); 0 for the default of {@value #DEFAULT_MAX_ATTEMPTS}
 * @param callTimeout the longest one AWS call may take, retries included; each attempt may take
 *     a third of it (at least one second). {@code null} for {@link #DEFAULT_CALL_TIMEOUT}
 */
public record TargetOptions(
    String profile,
    String region,
    URI endpoint,
    Credentials credentials,
    int maxAttempts,
    Map<String, URI> serviceEndpoints,
    Duration callTimeout) {

  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  /** 60 s: a GetAccountAuthorizationDetails page of a large account takes a few seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  public TargetOptions {
    if (maxAttempts < 0) {
      throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
    }
    if (maxAttempts == 0) {
      maxAttempts = DEFAULT_MAX_ATTEMPTS;
    }
    serviceEndpoints =
        serviceEndpoints == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new TreeMap<>(serviceEndpoints));
    if (callTimeout == null) {
      callTimeout = DEFAULT_CALL_TIMEOUT;
    }
    if (callTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("callTimeout must be at least 1 s: " + callTimeout);
    }
  }

  public TargetOptions(
      String profile, String region, URI endpoint, Credentials credentials, int maxAttempts) {
    this(profile, region, endpoint, credentials, maxAttempts, Map.of(), null);
  }

  /** Each attempt of a call: a third of {@link #callTimeout()}, at least one second. */
  public Duration attemptTimeout() {
    Duration third = callTimeout.dividedBy(3);
    return third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third;
  }

  public TargetOptions withCallTimeout(Duration timeout) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, timeout);
  }

  /** The endpoint of one service: its own, else {@link #endpoint()}; {@code null}: the SDK's. */
  public URI endpointOf(String service) {
    URI own = serviceEndpoints.get(service.toLowerCase(Locale.ROOT));
    return own != null ? own : endpoint;
  }

  /** The same options with the endpoint of one service ({@code ecs}, {@code ec2}, ...). */
  public TargetOptions withServiceEndpoint(String service, URI uri) {
    Map<String, URI> m = new TreeMap<>(serviceEndpoints);
    m.put(service.toLowerCase(Locale.ROOT), uri);
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts, m, callTimeout);
  }

  /** Everything from the SDK's defaults. */
  public static TargetOptions defaults() {
    return new TargetOptions(null, null, null, null, 0);
  }

  public TargetOptions withProfile(String profile) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout);
  }

  public TargetOptions withRegion(String region) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout);
  }

  public TargetOptions withEndpoint(URI endpoint) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout);
  }

  public TargetOptions withCredentials(Credentials credentials) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout);
  }

  public TargetOptions withMaxAttempts(int maxAttempts) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout);
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

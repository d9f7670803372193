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
 * @param assumeRole a role to assume with the credentials above, whose account is then the
 *     target's; {@code null} to use the credentials as they are
 * @param readTimeout the longest one read may take in all (every call and page of reading an
 *     account's IAM, of an ECS scan, of listing an organisation's accounts); {@code null} for
 *     {@link #DEFAULT_READ_TIMEOUT}
 * @param lockLease the lease of the apply lock held in the account ({@code null}: {@link
 *     LockRequest#DEFAULT_LEASE}); at least {@link #MIN_LOCK_LEASE}
 * @param userAgent added to the user agent of every AWS call (CloudTrail's {@code userAgent}),
 *     e.g. why an apply overrides the safety rules; {@code null} for none
 */
public record TargetOptions(
    String profile,
    String region,
    URI endpoint,
    Credentials credentials,
    int maxAttempts,
    Map<String, URI> serviceEndpoints,
    Duration callTimeout,
    AssumeRole assumeRole,
    Duration readTimeout,
    Duration lockLease,
    String userAgent) {

  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  /** 60 s: a GetAccountAuthorizationDetails page of a large account takes a few seconds. */
  public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(60);

  /**
   * 10 minutes: reading an account at IAM's quotas (5,000 roles, 5,000 policies) takes a few
   * minutes at most (docs/benchmarks-live.md); an endpoint that pages forever is stopped by then.
   */
  public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofMinutes(10);

  /** The shortest apply lock lease: renewals come every sixth of it. */
  public static final Duration MIN_LOCK_LEASE = Duration.ofSeconds(6);

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
    if (readTimeout == null) {
      readTimeout = DEFAULT_READ_TIMEOUT;
    }
    if (readTimeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException("readTimeout must be at least 1 s: " + readTimeout);
    }
    if (lockLease != null && lockLease.compareTo(MIN_LOCK_LEASE) < 0) {
      throw new IllegalArgumentException("lockLease must be at least " + MIN_LOCK_LEASE.toSeconds()
          + " s: " + lockLease);
    }
  }

  public TargetOptions(
      String profile, String region, URI endpoint, Credentials credentials, int maxAttempts) {
    this(profile, region, endpoint, credentials, maxAttempts, Map.of(), null, null, null, null,
        null);
  }

  /** Options without a read deadline, lock lease or user agent of their own. */
  public TargetOptions(String profile, String region, URI endpoint, Credentials credentials,
      int maxAttempts, Map<String, URI> serviceEndpoints, Duration callTimeout,
      AssumeRole assumeRole) {
    this(profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout,
        assumeRole, null, null, null);
  }

  /** The same options with {@code suffix} in the user agent of every call. */
  public TargetOptions withUserAgent(String suffix) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts,
        serviceEndpoints, callTimeout, assumeRole, readTimeout, lockLease, suffix);
  }

  /** Each attempt of a call: a third of {@link #callTimeout()}, at least one second. */
  public Duration attemptTimeout() {
    Duration third = callTimeout.dividedBy(3);
    return third.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : third;
  }

  public TargetOptions withCallTimeout(Duration timeout) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, timeout, assumeRole, readTimeout,
        lockLease, userAgent);
  }

  /** The same options with another read deadline ({@link #readTimeout()}). */
  public TargetOptions withReadTimeout(Duration timeout) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts, serviceEndpoints,
        callTimeout, assumeRole, timeout, lockLease, userAgent);
  }

  /** The same options with another apply lock lease ({@link #lockLease()}). */
  public TargetOptions withLockLease(Duration lease) {
    return new TargetOptions(profile, region, endpoint, credentials, maxAttempts, serviceEndpoints,
        callTimeout, assumeRole, readTimeout, lease, userAgent);
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
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, m, callTimeout, assumeRole, readTimeout,
        lockLease, userAgent);
  }

  /** Everything from the SDK's defaults. */
  public static TargetOptions defaults() {
    return new TargetOptions(null, null, null, null, 0);
  }

  public TargetOptions withProfile(String profile) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout, assumeRole, readTimeout,
        lockLease, userAgent);
  }

  public TargetOptions withRegion(String region) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout, assumeRole, readTimeout,
        lockLease, userAgent);
  }

  public TargetOptions withEndpoint(URI endpoint) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout, assumeRole, readTimeout,
        lockLease, userAgent);
  }

  public TargetOptions withCredentials(Credentials credentials) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout, assumeRole, readTimeout,
        lockLease, userAgent);
  }

  public TargetOptions withMaxAttempts(int maxAttempts) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout, assumeRole, readTimeout,
        lockLease, userAgent);
  }

  /** The same options, reaching the account through {@code role} (see {@link AssumeRole}). */
  public TargetOptions withAssumeRole(AssumeRole role) {
    return new TargetOptions(
        profile, region, endpoint, credentials, maxAttempts, serviceEndpoints, callTimeout, role, readTimeout,
        lockLease, userAgent);
  }

  /**
   * A role to assume ({@code sts:AssumeRole}) to reach an account: the usual way into the member
   * accounts of an organisation ({@code OrganizationAccountAccessRole}). The target's account id
   * and partition are those of the role's ARN, so no {@code GetCallerIdentity} is needed.
   *
   * @param roleArn {@code arn:PARTITION:iam::ACCOUNT_ID:role/[PATH/]NAME}
   * @param externalId the external id the role's trust policy asks for; {@code null} for none
   * @param sessionName the role session name (shows in CloudTrail), 2 to 64 of {@code
   *     [\w+=,.@-]}
   */
  public record AssumeRole(String roleArn, String externalId, String sessionName) {
    private static final java.util.regex.Pattern ARN = java.util.regex.Pattern.compile(
        "arn:(aws[a-z-]*):iam::(\\d{12}):role/(?:[\\x21-\\x7e]+/)?[\\w+=,.@-]{1,64}");
    private static final java.util.regex.Pattern SESSION =
        java.util.regex.Pattern.compile("[\\w+=,.@-]{2,64}");

    public AssumeRole {
      if (roleArn == null || !ARN.matcher(roleArn).matches()) {
        throw new IllegalArgumentException("not a role ARN: " + roleArn);
      }
      if (sessionName == null || !SESSION.matcher(sessionName).matches()) {
        throw new IllegalArgumentException("a role session name is 2 to 64 letters, digits or"
            + " +=,.@-_, got '" + sessionName + "'");
      }
    }

    /** The account the role is in. */
    public String accountId() {
      return roleArn.split(":")[4];
    }

    /** The partition of the role's ARN. */
    public String partition() {
      return roleArn.split(":")[1];
    }

    /** The session's ARN, as sts:GetCallerIdentity would give it (who holds an apply lock). */
    public String sessionArn() {
      String name = roleArn.substring(roleArn.lastIndexOf('/') + 1);
      return "arn:" + partition() + ":sts::" + accountId() + ":assumed-role/" + name + "/"
          + sessionName;
    }

    /** Never prints the external id. */
    @Override
    public String toString() {
      return "AssumeRole[" + roleArn + ", session " + sessionName + "]";
    }
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

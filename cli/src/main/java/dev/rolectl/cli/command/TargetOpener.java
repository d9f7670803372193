package dev.rolectl.cli.command;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.net.URI;
import java.util.Map;

/**
 * Opens the {@code --target} with the options and the CLI's environment map: {@code
 * AWS_ENDPOINT_URL} and the service-specific {@code AWS_ENDPOINT_URL_IAM}, {@code _STS}, {@code
 * _ECS}, {@code _EC2} and {@code _ORGANIZATIONS} (the service's own wins, as in the SDK), {@code AWS_REGION} (else {@code
 * AWS_DEFAULT_REGION}, which the AWS CLI reads and the Java SDK does not), {@code
 * AWS_MAX_ATTEMPTS} (1 to 99; default 6) and static keys ({@code
 * AWS_ACCESS_KEY_ID}, {@code AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}) are taken from that
 * map (so that in-process tests can point the CLI at an emulator), everything else from the SDK's
 * defaults. {@code ROLECTL_LOCK_LEASE} (a duration, at least 6s) sets the lease of the apply lock
 * held in the account (default 10m).
 */
final class TargetOpener {
  /** The services rolectl calls, by the SDK's name (AWS_ENDPOINT_URL_IAM, ...). */
  private static final java.util.List<String> SERVICES = java.util.List.of("iam", "sts", "ecs", "ec2", "organizations");

  /** Environment variable that sets the apply lock's lease in the account. */
  static final String LOCK_LEASE_ENV = "ROLECTL_LOCK_LEASE";

  private TargetOpener() {}

  static Target open(String spec, TargetMixin given, Map<String, String> env) {
    return Targets.open(spec, options(given, env));
  }

  /** The options of the aws target, from the command line and the environment. */
  static TargetOptions options(TargetMixin given, Map<String, String> env) {
    String profile = given.profile;
    String region = given.region;
    TargetOptions options = TargetOptions.defaults();
    if (given.timeout != null) {
      if (given.timeout.compareTo(java.time.Duration.ofSeconds(1)) < 0) {
        throw new UserError("--timeout must be at least 1s, got " + given.timeout.toSeconds() + "s");
      }
      options = options.withCallTimeout(given.timeout);
    }
    if (given.readTimeout != null) {
      if (given.readTimeout.compareTo(java.time.Duration.ofSeconds(1)) < 0) {
        throw new UserError("--read-timeout must be at least 1s, got "
            + given.readTimeout.toMillis() + "ms");
      }
      options = options.withReadTimeout(given.readTimeout);
    }
    String lease = env.get(LOCK_LEASE_ENV);
    if (lease != null && !lease.isBlank()) {
      java.time.Duration d;
      try {
        d = new DurationConverter().convert(lease);
      } catch (picocli.CommandLine.TypeConversionException e) {
        throw new UserError(LOCK_LEASE_ENV + ": " + e.getMessage());
      }
      if (d.compareTo(TargetOptions.MIN_LOCK_LEASE) < 0) {
        throw new UserError(LOCK_LEASE_ENV + " must be at least "
            + TargetOptions.MIN_LOCK_LEASE.toSeconds() + "s, got '" + lease + "'");
      }
      options = options.withLockLease(d);
    }
    if (profile != null) {
      options = options.withProfile(profile);
    }
    String r = region != null ? region : env.get("AWS_REGION");
    if (r == null || r.isBlank()) {
      r = env.get("AWS_DEFAULT_REGION");
    }
    if (r != null && !r.isBlank()) {
      options = options.withRegion(r.strip());
    }
    String endpoint = env.get("AWS_ENDPOINT_URL");
    if (endpoint != null && !endpoint.isBlank()) {
      options = options.withEndpoint(URI.create(endpoint.strip()));
    }
    for (String service : SERVICES) {
      String own = env.get("AWS_ENDPOINT_URL_" + service.toUpperCase(java.util.Locale.ROOT));
      if (own != null && !own.isBlank()) {
        options = options.withServiceEndpoint(service, URI.create(own.strip()));
      }
    }
    String attempts = env.get("AWS_MAX_ATTEMPTS");
    if (attempts != null && attempts.strip().matches("[1-9][0-9]?")) {
      options = options.withMaxAttempts(Integer.parseInt(attempts.strip()));
    }
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (profile == null && key != null && secret != null) {
      options =
          options.withCredentials(
              new TargetOptions.Credentials(key, secret, env.get("AWS_SESSION_TOKEN")));
    }
    return options;
  }
}

package dev.rolectl.cli.command;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.net.URI;
import java.util.Map;

/**
 * Opens the {@code --target} with the options and the CLI's environment map: {@code
 * AWS_ENDPOINT_URL}, {@code AWS_REGION} and static keys ({@code AWS_ACCESS_KEY_ID}, {@code
 * AWS_SECRET_ACCESS_KEY}, {@code AWS_SESSION_TOKEN}) are taken from that map (so that in-process
 * tests can point the CLI at an emulator), everything else from the SDK's defaults. When
 * service-specific {@code AWS_ENDPOINT_URL_*} variables are set, endpoints are left to the SDK.
 */
final class TargetOpener {
  private TargetOpener() {}

  static Target open(String spec, TargetMixin given, Map<String, String> env) {
    String profile = given.profile;
    String region = given.region;
    TargetOptions options = TargetOptions.defaults();
    if (given.timeout != null) {
      if (given.timeout.compareTo(java.time.Duration.ofSeconds(1)) < 0) {
        throw new UserError("--timeout must be at least 1s, got " + given.timeout.toSeconds() + "s");
      }
      options = options.withCallTimeout(given.timeout);
    }
    if (profile != null) {
      options = options.withProfile(profile);
    }
    String r = region != null ? region : env.get("AWS_REGION");
    if (r != null && !r.isBlank()) {
      options = options.withRegion(r);
    }
    String endpoint = env.get("AWS_ENDPOINT_URL");
    boolean perService =
        env.keySet().stream().anyMatch(k -> k.startsWith("AWS_ENDPOINT_URL_"));
    // with per-service endpoints set, the SDK's own precedence decides (it reads the same variables)
    if (endpoint != null && !endpoint.isBlank() && !perService) {
      options = options.withEndpoint(URI.create(endpoint));
    }
    String key = env.get("AWS_ACCESS_KEY_ID");
    String secret = env.get("AWS_SECRET_ACCESS_KEY");
    if (profile == null && key != null && secret != null) {
      options =
          options.withCredentials(
              new TargetOptions.Credentials(key, secret, env.get("AWS_SESSION_TOKEN")));
    }
    return Targets.open(spec, options);
  }
}

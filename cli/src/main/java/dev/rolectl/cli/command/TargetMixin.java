package dev.rolectl.cli.command;

import dev.rolectl.engine.live.Target;
import java.util.Map;
import picocli.CommandLine.Option;

/** Which account to read (and change): {@code --target}, {@code --profile}, {@code --region}. */
public final class TargetMixin {
  /** Environment variable that sets the default target. */
  static final String TARGET_ENV = "ROLECTL_TARGET";

  @Option(
      names = "--target",
      order = 30,
      paramLabel = "TARGET",
      description = {
        "aws (default; the account of your AWS credentials), local:FILE (an account kept in a"
            + " JSON file, created on first apply) or snapshot:FILE (read-only). Default: $"
            + TARGET_ENV
            + " or aws."
      })
  String target;

  @Option(
      names = "--profile",
      order = 31,
      paramLabel = "NAME",
      description = "AWS profile for the aws target (default: the SDK's credential chain).")
  String profile;

  @Option(
      names = "--region",
      order = 32,
      paramLabel = "REGION",
      description = "AWS region for the aws target (default: AWS_REGION, AWS_DEFAULT_REGION,"
          + " the profile's region, us-east-1). ECS is read in every enabled region, and in"
          + " the stack's settings.ecs.regions too.")
  String region;

  @Option(
      names = "--timeout",
      order = 33,
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Longest wait for one AWS call, retries included (default: 60s); each attempt"
          + " waits a third of it. A call that gets no answer in time fails naming the endpoint.")
  java.time.Duration timeout;

  @Option(
      names = "--read-timeout",
      order = 34,
      paramLabel = "DURATION",
      converter = DurationConverter.class,
      description = "Longest time one read may take in all, every call and page included: the"
          + " account's IAM, the ECS scan of every region, the organisation's accounts (default:"
          + " 10m). A read that takes longer fails naming the call it stopped before; an endpoint"
          + " that keeps paging is stopped by then.")
  java.time.Duration readTimeout;

  /** The target spec: the option, else the environment, else {@code aws}. */
  String spec(Map<String, String> env) {
    if (target != null) {
      return target;
    }
    String fromEnv = env.get(TARGET_ENV);
    return fromEnv == null || fromEnv.isBlank() ? "aws" : fromEnv;
  }

  /** Opens the target (see {@link TargetOpener}); the aws target connects on first use. */
  Target open(Map<String, String> env) {
    return TargetOpener.open(spec(env), this, env);
  }
}

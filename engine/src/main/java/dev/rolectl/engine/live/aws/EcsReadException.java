package dev.rolectl.engine.live.aws;

import software.amazon.awssdk.core.exception.SdkException;

/** An ECS (or EC2) call that failed, with the operation's name for the reason. */
final class EcsReadException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  final String operation;
  final transient SdkException failure;

  EcsReadException(String operation, SdkException failure) {
    super(operation + " failed", failure);
    this.operation = operation;
    this.failure = failure;
  }

  /** The reason of an unknown scan. */
  String reason(String region) {
    String m = failure.getMessage();
    if (m != null && m.startsWith(operation + " did not describe")) {
      return "ECS in " + region + ": " + m + "; rolectl cannot tell what it uses: try again";
    }
    return EcsErrors.reason(failure, operation, region);
  }

  /** The failure of the region, to be grouped with the same failure elsewhere. */
  dev.rolectl.engine.live.RegionFailure failure(String region) {
    String m = failure.getMessage();
    if (m != null && m.startsWith(operation + " did not describe")) {
      return dev.rolectl.engine.live.RegionFailure.of("ECS", operation, "incomplete answer",
          m, reason(region), false, region);
    }
    return EcsErrors.failure(failure, operation, region);
  }

  /** Runs one call, naming it when it fails. */
  static <T> T call(String operation, java.util.function.Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw new EcsReadException(operation, e);
    }
  }
}

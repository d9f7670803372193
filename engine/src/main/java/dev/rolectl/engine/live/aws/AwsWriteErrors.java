package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriteException.Kind;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Runs one IAM write and turns SDK failures into {@link IamWriteException}s with a kind. */
final class AwsWriteErrors {
  private AwsWriteErrors() {}

  static void run(String what, Runnable call) {
    get(
        what,
        () -> {
          call.run();
          return null;
        });
  }

  static <T> T get(String what, Supplier<T> call) {
    try {
      return call.get();
    } catch (SdkException e) {
      throw translate(e, what);
    }
  }

  static IamWriteException translate(SdkException e, String what) {
    java.util.Optional<ReadGuard.Refusal> refused = ReadGuard.refusal(e);
    if (refused.isPresent()) {
      return new IamWriteException(Kind.OTHER, null, what + " failed: "
          + refused.get().getMessage(), e);
    }
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      String message =
          s.awsErrorDetails() == null || s.awsErrorDetails().errorMessage() == null
              ? s.getMessage()
              : s.awsErrorDetails().errorMessage();
      Kind kind = AwsErrors.credentialProblem(code) != null ? Kind.CREDENTIALS : kind(s, code);
      String text = what + " failed (" + code + ": " + message + ")";
      String credentials = AwsErrors.credentialProblem(code);
      if (credentials != null) {
        text += ": " + credentials;
      } else if (kind == Kind.ACCESS_DENIED) {
        text += ": the identity needs the iam: permission for it (check --profile and AWS_PROFILE)";
      }
      return new IamWriteException(kind, code, text, e);
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    Kind kind;
    if (e instanceof SdkClientException && m.contains("Unable to load credentials")) {
      kind = Kind.CREDENTIALS;
    } else if (e instanceof SdkClientException c && AwsErrors.unreachable(c)) {
      kind = Kind.UNREACHABLE;
    } else {
      kind = Kind.TRANSIENT;
    }
    return new IamWriteException(kind, null, what + " failed (" + m + ")", e);
  }

  private static Kind kind(AwsServiceException s, String code) {
    if (s.isThrottlingException()) {
      return Kind.TRANSIENT;
    }
    if (code == null) {
      return s.statusCode() >= 500 ? Kind.TRANSIENT : Kind.OTHER;
    }
    switch (code) {
      case "NoSuchEntity":
        return Kind.NOT_FOUND;
      case "EntityAlreadyExists":
        return Kind.ALREADY_EXISTS;
      case "DeleteConflict":
        return Kind.DELETE_CONFLICT;
      case "LimitExceeded":
        return Kind.LIMIT_EXCEEDED;
      case "MalformedPolicyDocument":
        return Kind.MALFORMED_POLICY;
      case "InvalidInput":
      case "ValidationError":
      case "InvalidParameterValue":
      case "UnmodifiableEntity":
        return Kind.INVALID_INPUT;
      case "AccessDenied":
      case "AccessDeniedException":
        return Kind.ACCESS_DENIED;
      case "ConcurrentModification":
      case "ServiceFailure":
      case "InternalFailure":
      case "ServiceUnavailable":
        return Kind.TRANSIENT;
      default:
        if (s.statusCode() == 403) {
          return Kind.ACCESS_DENIED;
        }
        return s.statusCode() >= 500 ? Kind.TRANSIENT : Kind.OTHER;
    }
  }
}

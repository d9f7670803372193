package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.TargetException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Turns SDK failures into {@link TargetException}s whose message names the real cause and says
 * what to do: no answer or no connection (naming the endpoint, see {@link CallCounter}), invalid
 * key, wrong secret, expired token, missing permissions, an answer that is not from an AWS API,
 * throttling.
 */
final class AwsErrors {
  static final String READ_PERMISSIONS =
      "sts:GetCallerIdentity, iam:GetAccountAuthorizationDetails, iam:ListRoles,"
          + " iam:ListPolicyTags, iam:ListInstanceProfiles and iam:GetInstanceProfile";

  private AwsErrors() {}

  /** As {@link #translate(SdkException, String, String)} without knowing the endpoint. */
  static TargetException translate(SdkException e, String doing) {
    return translate(e, doing, null);
  }

  /**
   * A role that could not be assumed ({@code --assume-role}): refused by STS (the role's trust
   * policy does not admit the caller, the external id does not match, the role does not exist)
   * or unreachable.
   */
  static TargetException assumeRole(SdkException e, String roleArn, String endpoint) {
    SdkException cause = e;
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AwsServiceException s) {
        cause = s;
        break;
      }
    }
    if (cause instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      return new TargetException("cannot assume role " + roleArn + " (" + s.awsErrorDetails()
          .errorCode() + ": " + s.awsErrorDetails().errorMessage() + "): the role must exist and"
          + " its trust policy must let your identity call sts:AssumeRole (with the --external-id"
          + " it asks for), and your identity needs sts:AssumeRole on it", e);
    }
    TargetException t = translate(cause, "assume role " + roleArn, endpoint);
    return new TargetException(t.getMessage(), e);
  }

  /**
   * @param endpoint the endpoint of the last attempt (named when the answer was not from AWS), or
   *     {@code null}
   */
  static TargetException translate(SdkException e, String doing, String endpoint) {
    java.util.Optional<ReadGuard.Refusal> refused = ReadGuard.refusal(e);
    if (refused.isPresent()) {
      String m = refused.get().getMessage();
      return new TargetException(m.startsWith("cannot ") ? m : "cannot " + doing + ": " + m, e);
    }
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      if (code == null && s.statusCode() >= 300 && s.statusCode() < 500 && s.statusCode() != 429) {
        return new TargetException(
            "cannot " + doing + ": " + (endpoint == null ? "the endpoint" : endpoint) + " answered"
                + " HTTP " + s.statusCode() + " with something that is not an AWS API answer (no"
                + " error code): check AWS_ENDPOINT_URL and the other endpoint settings, and any"
                + " proxy in between",
            e);
      }
      String message = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
      String what = "AWS refused to let rolectl " + doing + " (" + code + ": " + message + ")";
      String credentials = credentialProblem(code);
      if (credentials != null) {
        return new TargetException(what + ": " + credentials, e);
      }
      if (s.statusCode() == 403 || "AccessDenied".equals(code)) {
        return new TargetException(
            what + ": the identity needs " + READ_PERMISSIONS + " (check --profile and AWS_PROFILE)", e);
      }
      if (s.isThrottlingException()) {
        return new TargetException(
            what + ": IAM kept throttling the requests after every retry; try again in a minute", e);
      }
      return new TargetException(what + ": try again; if it persists, run with --debug", e);
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (e instanceof SdkClientException && m.contains("Unable to load credentials")) {
      return new TargetException(
          "no AWS credentials found to " + doing + ": configure them (aws configure, aws sso login,"
              + " AWS_PROFILE or --profile), or try rolectl without AWS with --target local:FILE",
          e);
    }
    if (e instanceof SdkClientException c && unreachable(c)) {
      return new TargetException(
          "cannot " + doing + ": " + m + ": check the network and the endpoint settings"
              + " (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL_STS), or allow more"
              + " time with --timeout",
          e);
    }
    return new TargetException("cannot " + doing + " (" + m + "): run with --debug for details", e);
  }

  /**
   * What is wrong with the credentials for an AWS error code, or {@code null} when the code is
   * not about credentials (STS and IAM error codes, see the services' API references).
   */
  static String credentialProblem(String code) {
    if (code == null) {
      return null;
    }
    switch (code) {
      case "InvalidClientTokenId":
        return "the access key id is not valid in this partition (deleted, mistyped, or from"
            + " another partition): check AWS_ACCESS_KEY_ID or the profile's aws_access_key_id";
      case "SignatureDoesNotMatch":
        return "the secret access key does not belong to the access key id: check"
            + " AWS_SECRET_ACCESS_KEY or the profile's aws_secret_access_key";
      case "ExpiredToken":
      case "ExpiredTokenException":
      case "RequestExpired":
        return "the session credentials have expired: refresh them (e.g. aws sso login, or a new"
            + " assume-role) and try again";
      case "IncompleteSignature":
      case "MissingAuthenticationToken":
      case "InvalidToken":
      case "UnrecognizedClientException":
        return "the request's credentials are malformed or missing (" + code + "): check the"
            + " session token and the credential settings";
      default:
        return null;
    }
  }

  /** Whether the call got no answer: a timeout, a refused connection, an unknown host. */
  static boolean unreachable(SdkClientException e) {
    if (e instanceof ApiCallTimeoutException || e instanceof ApiCallAttemptTimeoutException) {
      return true;
    }
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ConnectException
          || t instanceof NoRouteToHostException
          || t instanceof UnknownHostException
          || t instanceof SocketTimeoutException
          || t instanceof ApiCallTimeoutException
          || t instanceof ApiCallAttemptTimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  /** The SDK failure {@code cause} with a message that names the endpoint. */
  static SdkClientException unreachableException(String message, SdkClientException cause) {
    return SdkClientException.builder().message(message).cause(cause).build();
  }
}

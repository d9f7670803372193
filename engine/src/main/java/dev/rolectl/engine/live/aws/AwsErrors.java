package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.TargetException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns SDK failures into {@link TargetException}s whose message says what to do. */
final class AwsErrors {
  static final String READ_PERMISSIONS =
      "sts:GetCallerIdentity, iam:GetAccountAuthorizationDetails, iam:ListRoles and"
          + " iam:ListPolicyTags";

  private AwsErrors() {}

  static TargetException translate(SdkException e, String doing) {
    if (e instanceof AwsServiceException s) {
      String code = s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
      String message = s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage();
      String what = "AWS refused to let rolectl " + doing + " (" + code + ": " + message + ")";
      if (s.statusCode() == 403 || "AccessDenied".equals(code)) {
        return new TargetException(
            what + ": the identity needs " + READ_PERMISSIONS + " (check --profile and AWS_PROFILE)", e);
      }
      if (code != null && (code.contains("Token") || code.contains("Signature") || code.contains("Auth"))) {
        return new TargetException(
            what + ": the credentials are expired or wrong; refresh them (e.g. aws sso login) and"
                + " try again",
            e);
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
    if (m.contains("Unable to execute HTTP request") || m.contains("Connect")) {
      return new TargetException(
          "cannot reach AWS to " + doing + " (" + m + "): check the network, and the endpoint"
              + " settings (AWS_ENDPOINT_URL, AWS_ENDPOINT_URL_IAM, AWS_ENDPOINT_URL_STS)",
          e);
    }
    return new TargetException("cannot " + doing + " (" + m + "): run with --debug for details", e);
  }
}

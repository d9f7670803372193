package dev.rolectl.engine.live.aws;

import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/** Turns ECS failures into the reasons of an unknown scan (what is wrong and what to do). */
final class EcsErrors {
  static final String PERMISSIONS =
      "ecs:ListClusters, ecs:ListServices, ecs:DescribeServices, ecs:ListServiceDeployments and"
          + " ecs:DescribeServiceDeployments";

  private static final Set<String> MISSING_API_CODES =
      Set.of("UnknownOperationException", "UnknownOperation", "InvalidAction", "NotImplemented");

  private EcsErrors() {}

  /**
   * Whether the endpoint lacks the operation (an emulator without the service-deployments API):
   * HTTP 501, an unknown-operation error code, or a server error without an AWS error code (moto
   * 5.2 answers unimplemented operations with HTTP 500 and an HTML page).
   */
  static boolean apiMissing(SdkException e) {
    if (!(e instanceof AwsServiceException s)) {
      return false;
    }
    String code = code(s);
    if (s.statusCode() == 501 || (code != null && MISSING_API_CODES.contains(code))) {
      return true;
    }
    return s.statusCode() >= 500 && (code == null || code.isBlank() || code.matches("\\d+"));
  }

  /** The reason to give when {@code operation} failed in {@code region}. */
  static String reason(SdkException e, String operation, String region) {
    if (e instanceof AwsServiceException s) {
      String code = code(s);
      String detail =
          " ("
              + code
              + ": "
              + (s.awsErrorDetails() == null ? s.getMessage() : s.awsErrorDetails().errorMessage())
              + ")";
      if (s.statusCode() == 403 || (code != null && code.contains("AccessDenied"))) {
        return "access to ECS in "
            + region
            + " was denied for "
            + operation
            + detail
            + ": give the identity rolectl runs as "
            + PERMISSIONS;
      }
      if (code != null
          && (code.contains("Token")
              || code.contains("Signature")
              || code.contains("Auth")
              || code.contains("UnrecognizedClient"))) {
        return "ECS in "
            + region
            + " refused the credentials for "
            + operation
            + detail
            + ": refresh them (e.g. aws sso login) and try again";
      }
      return "ECS in "
          + region
          + " failed "
          + operation
          + detail
          + ": try again; if it persists,"
          + " run with --debug";
    }
    String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    if (m.contains("Unable to load credentials")) {
      return "no AWS credentials found to read ECS in "
          + region
          + ": configure them (aws"
          + " configure, aws sso login, AWS_PROFILE or --profile)";
    }
    return "cannot reach ECS in "
        + region
        + " for "
        + operation
        + " ("
        + m
        + "): check the network, the region, and the endpoint settings (AWS_ENDPOINT_URL_ECS,"
        + " AWS_ENDPOINT_URL)";
  }

  private static String code(AwsServiceException s) {
    return s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
  }
}

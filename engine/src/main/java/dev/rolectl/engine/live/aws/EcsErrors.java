package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.RegionFailure;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Classifies ECS (and EC2 {@code DescribeRegions}) failures: whether an endpoint positively says
 * it lacks an operation, and otherwise the reason of an unknown scan (what is wrong and what to
 * do). Only a positive answer lets a reader go another way; everything else (5xx with or without
 * an error code, time-outs, resets, throttling after the SDK's retries) leaves ECS unknown.
 */
final class EcsErrors {
  static final String PERMISSIONS =
      "ec2:DescribeRegions, ec2:DescribeIamInstanceProfileAssociations, ecs:ListClusters,"
          + " ecs:ListServices, ecs:DescribeServices,"
          + " ecs:DescribeCapacityProviders, ecs:ListDaemons, ecs:ListDaemonDeployments,"
          + " ecs:ListGateways, ecs:DescribeGateway,"
          + " ecs:DescribeExpressGatewayService, ecs:ListServiceDeployments,"
          + " ecs:DescribeServiceDeployments, ecs:DescribeServiceRevisions, ecs:ListTasks,"
          + " ecs:DescribeTasks, ecs:DescribeTaskDefinition, ecs:DescribeDaemon,"
          + " ecs:DescribeDaemonRevisions and ecs:DescribeDaemonTaskDefinition";

  /** Error codes that say "this endpoint has no such operation". */
  private static final Set<String> MISSING_API_CODES =
      Set.of("UnknownOperationException", "InvalidAction");

  private EcsErrors() {}

  /**
   * Whether the endpoint positively lacks the operation: HTTP 501, or the error code {@code
   * UnknownOperationException} or {@code InvalidAction}. A 5xx without an error code is not that
   * (a proxy or gateway answers so when the service is down).
   */
  static boolean apiMissing(SdkException e) {
    if (!(e instanceof AwsServiceException s)) {
      return false;
    }
    String code = code(s);
    return s.statusCode() == 501 || (code != null && MISSING_API_CODES.contains(code));
  }

  /**
   * Whether the answer says the kind of resource does not exist at the endpoint or in the region:
   * the operation is missing ({@link #apiMissing}), or {@code UnsupportedFeatureException} ("not
   * supported in this Region"). Used only for resource kinds that may be absent (gateways,
   * capacity providers), never for deployments.
   */
  static boolean featureAbsent(SdkException e) {
    return apiMissing(e)
        || (e instanceof AwsServiceException s
            && "UnsupportedFeatureException".equals(code(s)));
  }

  /** A short description of the failure, e.g. {@code HTTP 502 without an error code}. */
  static String what(SdkException e) {
    if (e instanceof AwsServiceException s) {
      String code = code(s);
      if (code == null || code.isBlank() || code.matches("\\d+")) {
        return "HTTP " + s.statusCode() + " without an AWS error code";
      }
      return "HTTP " + s.statusCode() + " " + code;
    }
    return e.getClass().getSimpleName();
  }

  /**
   * The failure of {@code operation} in {@code region}, to be grouped with the same failure in
   * other regions ({@link RegionFailure#group}).
   */
  static RegionFailure failure(SdkException e, String operation, String region) {
    return RegionFailure.of(service(operation), operation, what(e), message(e),
        reason(e, operation, region), organizationDenied(e), region);
  }

  /**
   * Whether AWS said that a service control policy of the organisation denies the call: an access
   * denied answer ({@code AccessDenied*}, EC2's {@code UnauthorizedOperation}, or HTTP 403) whose
   * message says so ({@link RegionFailure#organizationDenied(String)}). Nothing else is.
   */
  static boolean organizationDenied(SdkException e) {
    return e instanceof AwsServiceException s && denied(s)
        && RegionFailure.organizationDenied(message(e));
  }

  private static boolean denied(AwsServiceException s) {
    String code = code(s);
    return s.statusCode() == 403
        || (code != null && (code.contains("AccessDenied") || code.equals("UnauthorizedOperation")));
  }

  /** What AWS said (the error message), else the exception's first line. */
  private static String message(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null
        && s.awsErrorDetails().errorMessage() != null) {
      return s.awsErrorDetails().errorMessage();
    }
    return firstLine(e.getMessage());
  }

  /** The reason to give when {@code operation} failed in {@code region}. */
  static String reason(SdkException e, String operation, String region) {
    java.util.Optional<ReadGuard.Refusal> refused = ReadGuard.refusal(e);
    if (refused.isPresent()) {
      return service(operation) + " in " + region + ": " + refused.get().getMessage();
    }
    if (e instanceof AwsServiceException s) {
      String code = code(s);
      String detail = " (" + what(e) + ": " + message(e) + ")";
      if (organizationDenied(e)) {
        return "an organization policy denies " + operation + " in " + region + detail
            + ": if your organisation denies " + service(operation) + " in these regions on"
            + " purpose (e.g. AWS Control Tower's Region deny control), name them in the stack"
            + " (settings: {ecs: {organizationDeniedRegions: [...]}}): the plan then says they"
            + " were not checked; no permission given to rolectl can get past an explicit deny";
      }
      if (denied(s)) {
        return "access to "
            + service(operation)
            + " in "
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
        return service(operation)
            + " in "
            + region
            + " refused the credentials for "
            + operation
            + detail
            + ": refresh them (e.g. aws sso login) and try again";
      }
      if (s.isThrottlingException()) {
        return service(operation)
            + " in "
            + region
            + " throttled "
            + operation
            + " beyond the SDK's retries"
            + detail
            + ": try again later";
      }
      return service(operation)
          + " in "
          + region
          + " failed "
          + operation
          + detail
          + ": try again; if it persists, run with --debug";
    }
    String m = firstLine(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
    if (m.contains("Unable to load credentials")) {
      return "no AWS credentials found to read "
          + service(operation)
          + " in "
          + region
          + ": configure them (aws configure, aws sso login, AWS_PROFILE or --profile)";
    }
    return "cannot reach "
        + service(operation)
        + " in "
        + region
        + " for "
        + operation
        + " ("
        + m
        + "): check the network, the region, and the endpoint settings (AWS_ENDPOINT_URL_"
        + service(operation).toUpperCase(java.util.Locale.ROOT)
        + ", AWS_ENDPOINT_URL)";
  }

  private static String service(String operation) {
    return operation.equals("DescribeRegions") || operation.startsWith("DescribeIamInstanceProfile")
        ? "EC2" : "ECS";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  private static String code(AwsServiceException s) {
    return s.awsErrorDetails() == null ? null : s.awsErrorDetails().errorCode();
  }
}

package dev.rolectl.engine.live.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.live.IamWriteException.Kind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.iam.model.IamException;

/** How IAM's error codes become kinds (real SDK exception values, no mocks). */
class AwsWriteErrorsTest {

  static IamWriteException iam(String code, int status) {
    IamException e =
        (IamException)
            IamException.builder()
                .statusCode(status)
                .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).errorMessage("m").build())
                .build();
    return AwsWriteErrors.translate(e, "DeleteRole app");
  }

  @Test
  void iamCodesBecomeKinds() {
    assertEquals(Kind.NOT_FOUND, iam("NoSuchEntity", 404).kind());
    assertEquals(Kind.ALREADY_EXISTS, iam("EntityAlreadyExists", 409).kind());
    assertEquals(Kind.DELETE_CONFLICT, iam("DeleteConflict", 409).kind());
    assertEquals(Kind.LIMIT_EXCEEDED, iam("LimitExceeded", 409).kind());
    assertEquals(Kind.MALFORMED_POLICY, iam("MalformedPolicyDocument", 400).kind());
    assertEquals(Kind.TRANSIENT, iam("Throttling", 400).kind());
    assertEquals(Kind.TRANSIENT, iam("ServiceFailure", 500).kind());
    assertEquals(Kind.TRANSIENT, iam("ConcurrentModification", 409).kind());
    assertEquals(Kind.ACCESS_DENIED, iam("AccessDenied", 403).kind());
    for (String code : java.util.List.of("ExpiredToken", "ExpiredTokenException", "RequestExpired",
        "InvalidClientTokenId", "SignatureDoesNotMatch", "UnrecognizedClientException")) {
      assertEquals(Kind.CREDENTIALS, iam(code, 403).kind(), code);
      assertEquals(Kind.CREDENTIALS, iam(code, 400).kind(), code);
    }
    assertTrue(iam("ExpiredToken", 403).getMessage().contains("refresh them"));
    assertEquals(Kind.OTHER, iam("SomethingNew", 400).kind());
    assertEquals(Kind.TRANSIENT, iam("SomethingNew", 503).kind());
  }

  @Test
  void theMessageNamesTheCallAndIamsAnswer() {
    IamWriteException e = iam("DeleteConflict", 409);
    assertEquals("DeleteRole app failed (DeleteConflict: m)", e.getMessage());
    assertEquals("DeleteConflict", e.code());
    IamWriteException lost =
        AwsWriteErrors.translate(SdkClientException.create("Connection reset"), "CreateRole app");
    assertEquals(Kind.TRANSIENT, lost.kind());
    assertTrue(lost.getMessage().startsWith("CreateRole app failed (Connection reset"), lost.getMessage());
  }
}

package dev.rolectl.engine.live;

import java.util.Objects;

/**
 * An IAM write failed. {@link #kind()} classifies it for the caller (whether it is "already so",
 * worth waiting for, or final); {@link #getMessage()} is a user message naming the operation and,
 * for {@code aws}, IAM's error code and message.
 */
public final class IamWriteException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** What went wrong, independent of the adapter. */
  public enum Kind {
    /** {@code NoSuchEntity}: the role, policy, principal or attachment does not exist. */
    NOT_FOUND,
    /** {@code EntityAlreadyExists}. */
    ALREADY_EXISTS,
    /** {@code DeleteConflict}: something is still attached. */
    DELETE_CONFLICT,
    /** {@code LimitExceeded}, e.g. a sixth policy version. */
    LIMIT_EXCEEDED,
    /** {@code MalformedPolicyDocument}, e.g. "Invalid principal" right after it was created. */
    MALFORMED_POLICY,
    /** {@code InvalidInput}, {@code ValidationError} and the like: the request itself is wrong. */
    INVALID_INPUT,
    /** {@code AccessDenied}: the identity lacks a permission. */
    ACCESS_DENIED,
    /**
     * The credentials themselves are refused: expired ({@code ExpiredToken}, {@code
     * ExpiredTokenException}, {@code RequestExpired}), unknown or wrong ({@code
     * InvalidClientTokenId}, {@code SignatureDoesNotMatch}), malformed, or missing. No later call
     * can succeed with them; the first one stops an apply from starting more.
     */
    CREDENTIALS,
    /**
     * Throttling, server errors, lost connections, {@code ConcurrentModification}: still failing
     * after the SDK's retries; may succeed later.
     */
    TRANSIENT,
    /**
     * No answer: the endpoint refused the connection, is unknown, or did not answer in time, after
     * the SDK's retries. Not retried again; several in a row stop an apply from starting more.
     */
    UNREACHABLE,
    /** Anything else. */
    OTHER
  }

  private final Kind kind;
  private final String code;

  /**
   * @param code the IAM error code, {@code null} when there is none (network, local file)
   */
  public IamWriteException(Kind kind, String code, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
    this.code = code;
  }

  public IamWriteException(Kind kind, String message) {
    this(kind, null, message, null);
  }

  public Kind kind() {
    return kind;
  }

  /** IAM's error code, or {@code null}. */
  public String code() {
    return code;
  }

  public boolean is(Kind k) {
    return kind == k;
  }
}

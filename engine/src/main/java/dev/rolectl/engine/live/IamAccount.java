package dev.rolectl.engine.live;

/**
 * The port for reading an account's IAM state. Adapters: {@code aws} (SDK v2), {@code local}
 * (read-write JSON file), {@code snapshot} (read-only JSON file).
 */
public interface IamAccount {

  /** The account id (for {@code aws}, one {@code sts:GetCallerIdentity}). */
  String accountId();

  /** The partition ({@code aws}, {@code aws-cn}, {@code aws-us-gov}). */
  String partition();

  /** Reads roles, customer managed policies and, if asked, users and groups. */
  LiveAccount read(ReadRequest request);

  /**
   * Which of these managed policy ARNs name no policy: for {@code aws} one {@code GetPolicy} per
   * ARN ({@code NoSuchEntity} means missing); for file targets, the file's customer managed
   * policies and, for AWS managed ones, the AWS managed policy catalogue.
   *
   * @throws TargetException when IAM cannot answer (access denied, unreachable): rolectl does not
   *     guess that a policy exists
   */
  java.util.Set<String> missingPolicies(java.util.Collection<String> arns);
}

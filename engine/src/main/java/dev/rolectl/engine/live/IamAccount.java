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
   * Reads users and groups alone (planning asks for them once its first read shows that a policy
   * is deleted; {@link LiveAccount#withPrincipals} adds them to that read), without reading roles
   * and policies, or policy tags, again. {@code aws}: {@code GetAccountAuthorizationDetails}
   * filtered to {@code User} and {@code Group}, one call a page.
   */
  default java.util.List<LivePrincipal> readPrincipals(boolean users, boolean groups) {
    return read(new ReadRequest(users, groups, false)).principals();
  }

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

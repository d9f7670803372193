package dev.rolectl.engine.api;

import dev.rolectl.engine.live.TargetOptions;
import java.util.Objects;

/**
 * How to reach each account: the caller's options (credentials, region, endpoints) and the role
 * to assume in every account ({@code --assume-role NAME} is {@code
 * arn:PARTITION:iam::ACCOUNT_ID:role/NAME}).
 *
 * @param roleName the role's name, with its path if it has one ({@code ops/Deployer})
 * @param externalId what the role's trust policy asks for; {@code null} for none
 * @param sessionName the role session name (CloudTrail shows it)
 * @param partition {@code aws}, {@code aws-cn}, {@code aws-us-gov}...
 */
public record AccountAccess(
    TargetOptions base, String roleName, String externalId, String sessionName, String partition) {
  /** The session name unless {@code --session-name} says otherwise. */
  public static final String DEFAULT_SESSION_NAME = "rolectl";

  public AccountAccess {
    Objects.requireNonNull(base, "base");
    Objects.requireNonNull(roleName, "roleName");
    Objects.requireNonNull(sessionName, "sessionName");
    Objects.requireNonNull(partition, "partition");
    if (roleName.startsWith("arn:")) {
      throw new IllegalArgumentException("give the role's name (with its path, if any), not its"
          + " ARN: it is assumed in every account as arn:" + partition + ":iam::ACCOUNT_ID:role/"
          + "NAME; e.g. --assume-role " + roleName.substring(roleName.lastIndexOf(":role/") < 0
              ? 0 : roleName.lastIndexOf(":role/") + ":role/".length()));
    }
    roleName = roleName.startsWith("/") ? roleName.substring(1) : roleName;
    // checks the name, the session name and the partition now
    new TargetOptions.AssumeRole(
        "arn:" + partition + ":iam::000000000000:role/" + roleName, externalId, sessionName);
  }

  /** The role to assume in {@code accountId}. */
  public String roleArn(String accountId) {
    return new TargetOptions.AssumeRole(
            "arn:" + partition + ":iam::" + accountId + ":role/" + roleName, externalId, sessionName)
        .roleArn();
  }

  /** Options that reach {@code accountId} through the role. */
  public TargetOptions optionsFor(String accountId) {
    return optionsForRole(roleArn(accountId));
  }

  /** Options that reach an account through {@code roleArn} (a saved plan's). */
  public TargetOptions optionsForRole(String roleArn) {
    return base.withAssumeRole(new TargetOptions.AssumeRole(roleArn, externalId, sessionName));
  }
}

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

  /**
   * Checks that {@code partition} (given with {@code --partition}) is that of the caller's own
   * credentials, with one {@code sts:GetCallerIdentity} (the partition of the caller's ARN), as
   * plan does for one account: a role of another partition cannot be assumed with them, and every
   * account would fail alike.
   *
   * @throws Refused naming both partitions and what to do
   * @throws dev.rolectl.engine.live.TargetException when the caller cannot be read
   */
  public void checkPartition() {
    try (dev.rolectl.engine.live.Target t = dev.rolectl.engine.live.Targets.open("aws", base)) {
      String own = t.iam().partition();
      if (!own.equals(partition)) {
        throw new Refused("--partition " + partition + " does not match the partition of your"
            + " credentials (" + own + ", from the caller's ARN): the roles "
            + "arn:" + partition + ":iam::ACCOUNT_ID:role/" + roleName + " cannot be assumed with them; drop --partition, or use credentials"
            + " of partition " + partition + " with a region in it (--region; e.g. cn-north-1 for"
            + " aws-cn, us-gov-west-1 for aws-us-gov)");
      }
    }
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

package dev.rolectl.engine.api;

import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import dev.rolectl.engine.live.local.FileTarget;

/**
 * The check that a target is the account and partition that {@code --account-id} and {@code
 * --partition} name. The target decides both: for {@code aws} the credentials (the caller's or
 * the assumed role's ARN, whose partition follows the region the SDK signs for); for {@code
 * local:} and {@code snapshot:} the file ({@code AccountId} and {@code Partition} at its top, else
 * its first ARN, else {@code 123456789012} and {@code aws}, as for a missing {@code local:} file).
 * Neither option changes the target, so a mismatch is refused rather than ignored.
 */
final class ExpectedAccount {
  private ExpectedAccount() {}

  /**
   * @throws TargetException naming the option, the target's value, where it comes from and what
   *     to do (both options at once when both are wrong)
   */
  static void check(StackSource source, Target target, String accountId, String partition) {
    boolean file = target instanceof FileTarget;
    java.util.List<String> wrong = new java.util.ArrayList<>();
    source.accountId().filter(id -> !id.equals(accountId)).ifPresent(id ->
        wrong.add("--account-id " + id + " does not match the account of target " + target.spec()
            + " (" + accountId + (file
                ? ", from the file's AccountId or its ARNs; a new file is 123456789012): drop"
                    + " --account-id, or use an account file of account " + id
                : ", from the credentials): drop --account-id, or use credentials of account " + id
                    + " (--profile, or the AWS_* environment variables)")));
    source.partition().filter(p -> !p.equals(partition)).ifPresent(p ->
        wrong.add("--partition " + p + " does not match the partition of target " + target.spec()
            + " (" + partition + (file
                ? ", from the file's Partition or its ARNs, else aws): drop --partition, or use an"
                    + " account file of partition " + p + newFile(target, source, accountId, p)
                : ", from the credentials' ARN): drop --partition, or use credentials of partition "
                    + p + " with a region in it (--region; e.g. cn-north-1 for aws-cn,"
                    + " us-gov-west-1 for aws-us-gov)")));
    if (!wrong.isEmpty()) {
      throw new TargetException(String.join(". Also: ", wrong));
    }
  }

  /** How to start a {@code local:} account in another partition: a file that names it. */
  private static String newFile(Target target, StackSource source, String accountId, String p) {
    return !target.writable() ? "" : " (a new account file can start as {\"AccountId\": \""
        + source.accountId().orElse(accountId) + "\", \"Partition\": \"" + p + "\"})";
  }
}

package dev.rolectl.engine.live;

/**
 * An opened live target ({@code aws}, {@code local:PATH} or {@code snapshot:PATH}); see {@link
 * Targets#open}. Close it when done (it may hold HTTP connections).
 */
public interface Target extends AutoCloseable {

  /** The spec it was opened from, e.g. {@code aws} or {@code snapshot:/tmp/account.json}. */
  String spec();

  /** The IAM side of the account. */
  IamAccount iam();

  /**
   * The ECS side: which services use roles as infrastructure roles and whether they are deploying
   * (for the safety rules). For {@code aws} the ECS clients are made on first use; for files it is
   * the {@code ecs} section, read on every scan.
   */
  EcsDeployments ecs();

  /**
   * Which EC2 instances use instance profiles (for the safety rules of roles in them). A target
   * that cannot say answers unknown, and the rules block (fail closed).
   */
  default InstanceProfileAssociations ec2() {
    return InstanceProfileAssociations.unknown(
        spec() + " cannot say which EC2 instances use instance profiles");
  }

  /** Whether {@code apply} may change it ({@code local:} and {@code aws}, not {@code snapshot:}). */
  boolean writable();

  /**
   * The write side, for {@code apply}: present for {@code aws} and {@code local:}, empty for
   * {@code snapshot:} (read-only).
   */
  default java.util.Optional<IamWriter> writer() {
    return java.util.Optional.empty();
  }

  /**
   * When the live state was taken, for targets that are a copy of an account ({@code snapshot:}
   * files that say so in {@code TakenAt}); empty for live accounts (read now) and undated files.
   */
  default java.util.Optional<java.time.Instant> takenAt() {
    return java.util.Optional.empty();
  }

  /** API calls made so far ({@link ApiStats#none()} for file targets). */
  ApiStats stats();

  @Override
  void close();
}

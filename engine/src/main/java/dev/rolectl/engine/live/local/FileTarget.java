package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.ApiStats;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.IamAccount;
import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code local:} (read-write) or {@code snapshot:} (read-only) target: an account kept in a
 * JSON file ({@link AccountFile}). Every {@link IamAccount#read} reads the file anew.
 */
public final class FileTarget implements Target {
  private final String spec;
  private final Path file;
  private final boolean writable;
  private final FileIamAccount iam = new FileIamAccount();
  private final LocalEcsDeployments ecs;
  private final LocalInstanceProfileAssociations ec2;
  private volatile LocalState lastState;

  private FileTarget(String spec, Path file, boolean writable) {
    this.spec = spec;
    this.file = AtomicFiles.followLinks(file);
    this.writable = writable;
    this.ecs = new LocalEcsDeployments(() -> state().ecs(), this::lastTakenAt, file.toString(), !writable);
    this.ec2 = new LocalInstanceProfileAssociations(
        () -> state().ecs(), this::lastTakenAt, file.toString(), !writable);
  }

  /** A read-write account file; a missing file is an empty account. */
  public static FileTarget local(Path file, String spec) {
    return new FileTarget(spec, file, true);
  }

  /** A read-only account file; a missing file is an error. */
  public static FileTarget snapshot(Path file, String spec) {
    return new FileTarget(spec, file, false);
  }

  @Override
  public String spec() {
    return spec;
  }

  public Path file() {
    return file;
  }

  @Override
  public IamAccount iam() {
    return iam;
  }

  /**
   * The file's {@code ecs} section, read on every scan. Without one, {@code local:} has no ECS
   * services and {@code snapshot:} leaves ECS unknown (see {@link LocalEcsDeployments}).
   */
  @Override
  public EcsDeployments ecs() {
    return ecs;
  }

  /**
   * The file's {@code ec2} section, read on every scan. Without one, {@code local:} has no
   * instances and {@code snapshot:} leaves EC2 unknown.
   */
  @Override
  public dev.rolectl.engine.live.InstanceProfileAssociations ec2() {
    return ec2;
  }

  @Override
  public boolean writable() {
    return writable;
  }

  /** A {@link LocalIamWriter} on the file for {@code local:}; none for {@code snapshot:}. */
  @Override
  public Optional<dev.rolectl.engine.live.IamWriter> writer() {
    return store().map(LocalIamWriter::new);
  }

  @Override
  public ApiStats stats() {
    return ApiStats.none();
  }

  /** A snapshot's {@code TakenAt}, from the last read (read now if none was made yet). */
  @Override
  public Optional<java.time.Instant> takenAt() {
    if (writable) {
      return Optional.empty();
    }
    LocalState s = lastState != null ? lastState : state();
    return Optional.ofNullable(s.takenAt());
  }

  /** The {@code TakenAt} of the snapshot read last (for ECS scans, right after the read). */
  private java.time.Instant lastTakenAt() {
    LocalState s = lastState;
    return writable || s == null ? null : s.takenAt();
  }

  /** Everything in the file now (the IAM account with all principals, and the ECS section). */
  public LocalState state() {
    if (writable) {
      return new LocalAccountStore(file).load();
    }
    try {
      return lastState = AccountFile.read(file);
    } catch (NoSuchFileException e) {
      throw new TargetException(
          file
              + ": the snapshot file does not exist: take one with 'rolectl snapshot --out "
              + file
              + "' (or 'aws iam get-account-authorization-details > "
              + file
              + "'), or use local:"
              + file
              + " to start from an empty account",
          e);
    }
  }

  /** The store for changing the file ({@code local:} only). */
  public Optional<LocalAccountStore> store() {
    return writable ? Optional.of(new LocalAccountStore(file)) : Optional.empty();
  }

  @Override
  public void close() {
    // nothing held between reads
  }

  private final class FileIamAccount implements IamAccount {
    private volatile LiveAccount last;

    @Override
    public String accountId() {
      return known().accountId();
    }

    @Override
    public String partition() {
      return known().partition();
    }

    @Override
    public LiveAccount read(ReadRequest request) {
      LiveAccount all = state().account();
      last = all;
      return all.narrowedTo(request);
    }

    @Override
    public java.util.Set<String> missingPolicies(java.util.Collection<String> arns) {
      LiveAccount all = state().account();
      java.util.Set<String> missing = new java.util.TreeSet<>();
      for (String arn : arns) {
        boolean customer = all.policies().values().stream().anyMatch(p -> p.arn().equals(arn))
            || all.unreadable().stream().anyMatch(u -> u.arn().equals(arn));
        if (!customer && !AwsManagedPolicies.exists(arn)) {
          missing.add(arn);
        }
      }
      return missing;
    }

    private LiveAccount known() {
      LiveAccount a = last;
      return a != null ? a : read(ReadRequest.everything());
    }
  }
}

package dev.rolectl.engine.live;

import dev.rolectl.engine.live.local.FileTarget;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Opens a live target from its {@code --target} spec (README.md, "Targets"; docs/architecture.md):
 *
 * <ul>
 *   <li>{@code aws}: the account of the current credentials, through the AWS SDK;
 *   <li>{@code local:PATH}: an account kept in a JSON file, read-write; a missing file is an
 *       empty account (the file is created by the first change);
 *   <li>{@code snapshot:PATH}: the same file format, read-only; a missing file is an error.
 * </ul>
 *
 * <p>Opening never calls AWS; the {@code aws} target connects on first use. AWS SDK classes are
 * loaded only for the {@code aws} target, so offline commands stay fast.
 */
public final class Targets {
  private Targets() {}

  /**
   * Opens a target.
   *
   * @throws TargetException for an unknown spec or an unusable path (user message)
   */
  public static Target open(String spec, TargetOptions options) {
    String s = spec == null ? "" : spec.trim();
    if (s.equals("aws")) {
      return AwsLoader.open(options);
    }
    if (s.startsWith("local:")) {
      return FileTarget.local(path(s, "local:"), s);
    }
    if (s.startsWith("snapshot:")) {
      return FileTarget.snapshot(path(s, "snapshot:"), s);
    }
    throw new TargetException(
        "unknown target '"
            + spec
            + "': use 'aws' (the account of your AWS credentials), 'local:PATH' (an account kept"
            + " in a JSON file) or 'snapshot:PATH' (a read-only account snapshot)");
  }

  private static Path path(String spec, String prefix) {
    String p = spec.substring(prefix.length()).trim();
    if (p.isEmpty()) {
      throw new TargetException(
          "target '" + spec + "' names no file: write it as " + prefix + "PATH, e.g. " + prefix
              + "account.json");
    }
    try {
      return Path.of(p);
    } catch (InvalidPathException e) {
      throw new TargetException(
          "target '" + spec + "': '" + p + "' is not a valid file path (" + e.getReason() + ")");
    }
  }

  /**
   * The accounts of the caller's AWS Organizations organisation, read with {@code options}' own
   * credentials ({@link TargetOptions#assumeRole()} is ignored). Opening never calls AWS.
   */
  public static OrganizationAccounts organization(TargetOptions options) {
    return AwsLoader.organization(options.withAssumeRole(null));
  }

  /** A separate class so that the JVM loads the SDK-backed adapter only when it is used. */
  private static final class AwsLoader {
    static Target open(TargetOptions options) {
      return dev.rolectl.engine.live.aws.AwsTarget.open(options);
    }

    static OrganizationAccounts organization(TargetOptions options) {
      return new dev.rolectl.engine.live.aws.AwsOrganizationAccounts(options);
    }
  }
}

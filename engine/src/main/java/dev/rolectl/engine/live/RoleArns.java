package dev.rolectl.engine.live;

import java.util.Optional;

/**
 * Comparing role ARNs as ECS may write them. Two ARNs name the same role when partition, account
 * and role name agree; the path is ignored, and the whole ARN is compared ignoring case (IAM role
 * names are unique ignoring case; {@code arn}, {@code iam} and {@code role/} are read in any
 * case). Erring towards "same" only makes the safety rules more careful.
 */
public final class RoleArns {
  private RoleArns() {}

  /** Whether two role ARNs name the same role; {@code false} when either is not a role ARN. */
  public static boolean sameRole(String a, String b) {
    Optional<String[]> pa = parts(a);
    Optional<String[]> pb = parts(b);
    if (pa.isEmpty() || pb.isEmpty()) {
      return false;
    }
    String[] x = pa.get();
    String[] y = pb.get();
    return x[1].equalsIgnoreCase(y[1])
        && x[4].equalsIgnoreCase(y[4])
        && name(x).equalsIgnoreCase(name(y));
  }

  /** The role name of a role ARN ({@code arn:aws:iam::1:role/path/NAME}), if it is one. */
  public static Optional<String> roleName(String arn) {
    return parts(arn).map(RoleArns::name);
  }

  private static String name(String[] parts) {
    return parts[5].substring(parts[5].lastIndexOf('/') + 1);
  }

  private static Optional<String[]> parts(String arn) {
    if (arn == null) {
      return Optional.empty();
    }
    String[] parts = arn.strip().split(":", 6);
    if (parts.length != 6
        || !parts[0].equalsIgnoreCase("arn")
        || !parts[2].equalsIgnoreCase("iam")
        || !parts[5].regionMatches(true, 0, "role/", 0, 5)) {
      return Optional.empty();
    }
    return name(parts).isEmpty() ? Optional.empty() : Optional.of(parts);
  }
}

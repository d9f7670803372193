package dev.rolectl.engine.live.local;

import dev.rolectl.engine.policy.catalogue.ManagedPolicyCatalogue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The AWS managed policies a file target's account has: every policy of the catalogue, under its
 * own path (a file account emulates AWS, where they all exist).
 */
final class AwsManagedPolicies {
  private static final Pattern ARN = Pattern.compile("arn:([a-z-]+):iam::aws:policy(/.*/|/)([^/]+)");

  private AwsManagedPolicies() {}

  /** Whether {@code arn} is an AWS managed policy ARN that exists. */
  static boolean exists(String arn) {
    Matcher m = ARN.matcher(arn);
    return m.matches() && ManagedPolicyCatalogue.get().byName(m.group(3))
        .filter(e -> e.arn(m.group(1)).equals(arn)).isPresent();
  }

  /** Whether {@code arn} is a policy for service-linked roles (not attachable to other roles). */
  static boolean forServiceLinkedRoles(String arn) {
    Matcher m = ARN.matcher(arn);
    return m.matches() && ManagedPolicyCatalogue.get().byName(m.group(3))
        .filter(ManagedPolicyCatalogue.Entry::forServiceLinkedRoles).isPresent();
  }

  static boolean isAwsManaged(String arn) {
    return ARN.matcher(arn).matches();
  }
}

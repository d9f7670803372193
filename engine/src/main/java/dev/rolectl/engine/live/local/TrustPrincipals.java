package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.IamWriteException;
import dev.rolectl.engine.model.PolicyDocument;
import dev.rolectl.engine.model.Statement;
import java.util.function.Predicate;

/**
 * IAM's rule for trust policies that name roles (aws-facts.md): {@code CreateRole} and {@code
 * UpdateAssumeRolePolicy} fail with {@code MalformedPolicyDocument: Invalid principal in policy}
 * when an {@code AWS} principal is the ARN of a role of the same account that does not exist (the
 * role being created included). Roles of other accounts cannot be checked and are accepted.
 */
final class TrustPrincipals {
  private TrustPrincipals() {}

  /**
   * @param rolePrefix {@code arn:PARTITION:iam::ACCOUNT:role/}
   * @param exists whether a role of this name exists (case-insensitively)
   */
  static void check(PolicyDocument trust, String rolePrefix, Predicate<String> exists) {
    for (Statement s : trust.statements()) {
      if (s.principal() == null) {
        continue;
      }
      for (String v : s.principal().values("AWS")) {
        if (v.regionMatches(true, 0, rolePrefix, 0, rolePrefix.length())) {
          String name = v.substring(v.lastIndexOf('/') + 1);
          if (!exists.test(name)) {
            throw new IamWriteException(
                IamWriteException.Kind.MALFORMED_POLICY,
                "MalformedPolicyDocument",
                "MalformedPolicyDocument: Invalid principal in policy: \"AWS\":\"" + v + "\"",
                null);
          }
        }
      }
    }
  }
}

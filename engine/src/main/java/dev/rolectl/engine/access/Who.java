package dev.rolectl.engine.access;

import java.util.Map;
import java.util.Objects;

/**
 * Who makes a request: a user or role of the account (with the principal keys its requests
 * carry), or someone a trust policy names from outside it (a service, an identity provider,
 * another account or one of its principals, or anyone).
 *
 * @param kind what it is
 * @param name how the plan names it, e.g. {@code user deployer}, {@code service ecs.amazonaws.com}
 * @param arn the principal's ARN (user, role, outside principal), the service or provider name,
 *     or the account id
 * @param accountId the principal's account, {@code null} when none or unknown
 * @param keys the principal condition keys its requests carry (lower case), e.g. {@code
 *     aws:username}
 */
record Who(Kind kind, String name, String arn, String accountId, Map<String, String> keys) {
  /** The kinds of requester. */
  enum Kind { USER, ROLE, SERVICE, FEDERATED, ACCOUNT, OUTSIDE_PRINCIPAL, ANYONE }

  Who {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    keys = Map.copyOf(keys);
  }

  boolean internal() {
    return kind == Kind.USER || kind == Kind.ROLE;
  }
}

package dev.rolectl.engine.live;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything rolectl read from one account at one moment.
 *
 * @param roles role name to role (every role of the account)
 * @param policies customer managed policy name to policy
 * @param principals users and groups that were asked for
 */
public record LiveAccount(
    String accountId,
    String partition,
    Map<String, LiveRole> roles,
    Map<String, LiveManagedPolicy> policies,
    List<LivePrincipal> principals) {

  public LiveAccount {
    Objects.requireNonNull(accountId, "accountId");
    Objects.requireNonNull(partition, "partition");
    roles = Map.copyOf(roles);
    policies = Map.copyOf(policies);
    principals = List.copyOf(principals);
  }
}

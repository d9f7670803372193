package dev.rolectl.cli.e2e;

import dev.rolectl.engine.live.LiveAccount;
import dev.rolectl.engine.live.ReadRequest;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.util.TreeSet;

/**
 * Run in a child JVM by {@link AwsAdapterE2E}: reads the {@code aws} target with default options,
 * so only the process environment (the SDK's own {@code AWS_ENDPOINT_URL*} handling) says where
 * AWS is. Prints {@code account=ID roles=[...]}.
 */
public final class EndpointProbe {
  private EndpointProbe() {}

  public static void main(String[] args) {
    try (Target target = Targets.open("aws", TargetOptions.defaults().withMaxAttempts(1))) {
      LiveAccount account = target.iam().read(ReadRequest.rolesAndPolicies());
      System.out.println(
          "account=" + account.accountId() + " roles=" + new TreeSet<>(account.roles().keySet()));
    }
  }
}

package dev.rolectl.cli.e2e;

import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.Target;
import dev.rolectl.engine.live.TargetOptions;
import dev.rolectl.engine.live.Targets;
import java.util.List;

/**
 * Run in a child JVM by {@link EcsDeploymentsE2E}: scans ECS for the role given as argument with
 * default target options, so only the process environment ({@code AWS_ENDPOINT_URL_ECS}) says where
 * ECS is. Prints {@code known=... uses=[...] deploying=...}.
 */
public final class EcsEndpointProbe {
  private EcsEndpointProbe() {}

  public static void main(String[] args) {
    try (Target target = Targets.open("aws", TargetOptions.defaults().withMaxAttempts(1))) {
      EcsScan scan = target.ecs().scan(List.of(args[0]), List.of("us-east-1"));
      System.out.println(
          "known="
              + scan.isKnown()
              + " uses="
              + scan.usesOf(args[0]).stream().map(ServiceUse::service).toList()
              + " deploying="
              + scan.deploying(args[0])
              + scan.reason().map(r -> " reason=" + r).orElse(""));
    }
  }
}

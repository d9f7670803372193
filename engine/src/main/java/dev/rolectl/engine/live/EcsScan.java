package dev.rolectl.engine.live;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What an {@link EcsDeployments} scan found.
 *
 * @param regions the regions scanned
 * @param uses role ARN (as asked) to the services that reference it; roles no service references
 *     are absent
 * @param unknownReason why ECS could not be read (access denied, endpoint unreachable, a snapshot
 *     without an {@code ecs} section), with what to do; empty when the scan is complete. When
 *     present, {@code uses} holds what could be read and is not the whole truth.
 */
public record EcsScan(
    List<String> regions, Map<String, List<ServiceUse>> uses, Optional<String> unknownReason) {

  public EcsScan {
    regions = List.copyOf(regions);
    Map<String, List<ServiceUse>> copy = new LinkedHashMap<>();
    uses.forEach(
        (arn, list) -> {
          if (!list.isEmpty()) {
            copy.put(Objects.requireNonNull(arn, "role ARN"), List.copyOf(list));
          }
        });
    uses = java.util.Collections.unmodifiableMap(copy);
    Objects.requireNonNull(unknownReason, "unknownReason");
  }

  /** A complete scan. */
  public static EcsScan known(Collection<String> regions, Map<String, List<ServiceUse>> uses) {
    return new EcsScan(List.copyOf(regions), uses, Optional.empty());
  }

  /** A scan that could not read ECS. */
  public static EcsScan unknown(Collection<String> regions, String reason) {
    return new EcsScan(List.copyOf(regions), Map.of(), Optional.of(reason));
  }

  /** Whether ECS was read completely. */
  public boolean isKnown() {
    return unknownReason.isEmpty();
  }

  /** The services that reference the role (as asked), none when none. */
  public List<ServiceUse> usesOf(String roleArn) {
    return uses.getOrDefault(roleArn, List.of());
  }

  /** Whether some service that references the role has a deployment under way. */
  public boolean deploying(String roleArn) {
    return usesOf(roleArn).stream().anyMatch(ServiceUse::deploying);
  }
}

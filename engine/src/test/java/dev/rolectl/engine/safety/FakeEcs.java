package dev.rolectl.engine.safety;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsDeployments;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.RoleArns;
import dev.rolectl.engine.live.ServiceUse;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** An in-memory {@link EcsDeployments} (our own port): services per role ARN, or unknown. */
final class FakeEcs implements EcsDeployments {
  final Map<String, List<ServiceUse>> services = new LinkedHashMap<>();
  final List<Collection<String>> asked = new ArrayList<>();
  final List<Collection<String>> regionsAsked = new ArrayList<>();

  /** States for successive rescans (the last one stays); empty: use {@link #services}. */
  final Deque<Map<String, List<ServiceUse>>> rescanStates = new ArrayDeque<>();

  String unknownReason;
  /** When set, scans come "as of" this time, like scans of a snapshot. */
  Instant asOf;
  /** When set, scans come from a snapshot of unknown date. */
  boolean undatedSnapshot;
  /** When set, scans are complete where they looked but left this out ({@link EcsScan#partial()}). */
  String partial;
  int scans;
  int rescans;

  static ServiceUse deploying(String service, String deploymentId, String stage) {
    return new ServiceUse(
        "us-east-1",
        "prod",
        ServiceUse.SERVICE,
        service,
        Set.of(EcsRoleField.LOAD_BALANCER),
        List.of(
            new ActiveDeployment(
                deploymentId, "IN_PROGRESS", null, stage, Instant.parse("2026-11-29T09:50:00Z"))),
        "fake ListServiceDeployments");
  }

  static ServiceUse idle(String service) {
    return new ServiceUse(
        "us-east-1",
        "prod",
        ServiceUse.SERVICE,
        service,
        Set.of(EcsRoleField.LOAD_BALANCER),
        List.of(),
        "fake ListServiceDeployments");
  }

  FakeEcs use(String roleArn, ServiceUse use) {
    services.computeIfAbsent(roleArn, k -> new ArrayList<>()).add(use);
    return this;
  }

  @Override
  public EcsScan scan(Collection<String> roleArns, Collection<String> regions) {
    scans++;
    return answer(roleArns, regions, services);
  }

  @Override
  public EcsScan rescan(Collection<String> roleArns, Collection<String> regions) {
    rescans++;
    Map<String, List<ServiceUse>> state =
        rescanStates.size() > 1
            ? rescanStates.poll()
            : rescanStates.isEmpty() ? services : rescanStates.peek();
    return answer(roleArns, regions, state);
  }

  private EcsScan answer(
      Collection<String> roleArns,
      Collection<String> regions,
      Map<String, List<ServiceUse>> state) {
    asked.add(List.copyOf(roleArns));
    regionsAsked.add(List.copyOf(regions));
    if (unknownReason != null && state.isEmpty()) {
      return EcsScan.unknown(regions, unknownReason);
    }
    Map<String, List<ServiceUse>> uses = new LinkedHashMap<>();
    for (String arn : roleArns) {
      List<ServiceUse> found = new ArrayList<>();
      state.forEach(
          (known, list) -> {
            if (RoleArns.sameRole(known, arn)) {
              found.addAll(list);
            }
          });
      uses.put(arn, found);
    }
    EcsScan scan =
        new EcsScan(
            List.copyOf(regions),
            List.of("arn:aws:ecs:us-east-1:123456789012:cluster/prod"),
            uses,
            java.util.Optional.ofNullable(unknownReason),
            java.util.Optional.empty());
    scan = partial == null ? scan : scan.partial(partial);
    return asOf == null && !undatedSnapshot ? scan : scan.asOf(asOf);
  }

  @Override
  public EcsScan inventory(Collection<String> regions) {
    return answer(services.keySet(), regions, services);
  }

  int calls() {
    return scans + rescans;
  }
}

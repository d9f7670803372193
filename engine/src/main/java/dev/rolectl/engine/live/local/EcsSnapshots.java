package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.EcsScan;
import dev.rolectl.engine.live.ServiceUse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Turns an ECS inventory ({@link dev.rolectl.engine.live.EcsDeployments#inventory}) into the
 * {@code ecs} section of a snapshot: every resource that uses a role, by region and cluster, with
 * the roles it names (by field), what is under way, what decided it, the regions scanned and when.
 * Reading the section back ({@link LocalEcsDeployments}) gives the same uses.
 */
public final class EcsSnapshots {
  private EcsSnapshots() {}

  /**
   * The section for a complete inventory.
   *
   * @throws IllegalArgumentException when the inventory is not complete (a snapshot must not say
   *     "nothing uses the role" about what it could not read)
   */
  public static LocalEcsState state(EcsScan inventory, Instant takenAt) {
    if (!inventory.isKnown()) {
      throw new IllegalArgumentException(inventory.reason().get());
    }
    Map<String, Map<String, Entry>> byCluster = new TreeMap<>();
    inventory
        .uses()
        .forEach(
            (role, uses) -> {
              for (ServiceUse u : uses) {
                Entry e =
                    byCluster
                        .computeIfAbsent(u.region() + "\u0000" + u.cluster(), k -> new TreeMap<>())
                        .computeIfAbsent(u.kind() + "\u0000" + u.service(), k -> new Entry(u));
                u.fields().forEach(f -> e.roles.computeIfAbsent(f, x -> new LinkedHashSet<>()).add(role));
              }
            });
    List<LocalEcsState.Cluster> clusters = new ArrayList<>();
    byCluster.forEach(
        (key, entries) -> {
          String[] rc = key.split("\u0000", 2);
          List<LocalEcsState.Service> services = new ArrayList<>();
          entries.values().forEach(e -> services.add(e.toService()));
          clusters.add(new LocalEcsState.Cluster(rc[1], rc[0], services));
        });
    return new LocalEcsState(clusters, true, inventory.regions(), takenAt).withTaskRoles(true);
  }

  /** The {@code ec2} section for a complete inventory of instance profile associations. */
  public static LocalEcsState.Ec2 ec2(dev.rolectl.engine.live.Ec2Scan inventory, Instant takenAt) {
    if (!inventory.isKnown()) {
      throw new IllegalArgumentException(inventory.reason().get());
    }
    List<LocalEcsState.Association> out = new ArrayList<>();
    inventory.uses().forEach(u -> out.add(new LocalEcsState.Association(u.region(),
        u.instanceId(), u.instanceProfileArn(), u.associationId(), u.state())));
    return new LocalEcsState.Ec2(true, inventory.regions(), takenAt, out);
  }

  private static final class Entry {
    final ServiceUse use;
    final Map<EcsRoleField, Set<String>> roles = new EnumMap<>(EcsRoleField.class);

    Entry(ServiceUse use) {
      this.use = use;
    }

    LocalEcsState.Service toService() {
      Map<EcsRoleField, List<String>> arns = new LinkedHashMap<>();
      roles.forEach((f, s) -> arns.put(f, List.copyOf(s)));
      List<LocalEcsState.Deployment> deployments = new ArrayList<>();
      for (ActiveDeployment d : use.activeDeployments()) {
        deployments.add(
            new LocalEcsState.Deployment(
                d.id(), d.status(), d.rolloutState(), d.lifecycleStage(), d.startedAt()));
      }
      return new LocalEcsState.Service(
          use.service(),
          use.kind().equals(ServiceUse.SERVICE) ? null : use.kind(),
          List.of(),
          arns,
          deployments,
          use.source());
    }
  }
}

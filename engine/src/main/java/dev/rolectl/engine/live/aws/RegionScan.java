package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import dev.rolectl.engine.live.EcsRoleField;
import dev.rolectl.engine.live.RegionFailure;
import dev.rolectl.engine.live.RoleArns;
import dev.rolectl.engine.live.ServiceUse;
import dev.rolectl.engine.live.aws.EcsInventory.CapacityProviderRecord;
import dev.rolectl.engine.live.aws.EcsInventory.GatewayRecord;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * One region's read: its {@link EcsInventory} (or why it could not be read), and the deployments
 * of the services that need them, read on first use ({@link EcsDeploymentReader}). Turns them into
 * the {@link ServiceUse}s of asked roles. Not thread-safe; one thread reads a region.
 */
final class RegionScan {
  private final String region;
  private final EcsInventory inventory;
  private final RegionFailure failure;
  private final Function<EcsServiceRecord, EcsDeploymentReader.Result> reader;
  private final Map<String, EcsDeploymentReader.Result> deployments = new HashMap<>();
  private final Map<String, String> unreadable = new HashMap<>();
  private final Function<EcsInventory, List<EcsTaskReader.TaskUser>> taskReader;
  private List<EcsTaskReader.TaskUser> taskUsers;
  private RegionFailure taskFailure;

  /**
   * @param failure why the region could not be read ({@code inventory} is then {@code null})
   */
  RegionScan(
      String region,
      EcsInventory inventory,
      RegionFailure failure,
      Function<EcsServiceRecord, EcsDeploymentReader.Result> reader) {
    this(region, inventory, failure, reader, inv -> List.of());
  }

  /**
   * @param taskReader reads which task and execution roles the region's tasks use, on first need
   */
  RegionScan(
      String region,
      EcsInventory inventory,
      RegionFailure failure,
      Function<EcsServiceRecord, EcsDeploymentReader.Result> reader,
      Function<EcsInventory, List<EcsTaskReader.TaskUser>> taskReader) {
    this.region = region;
    this.inventory = inventory;
    this.failure = failure;
    this.reader = reader;
    this.taskReader = taskReader;
  }

  List<String> clusters() {
    return inventory == null ? List.of() : inventory.clusterArns();
  }

  /**
   * The uses of each role, and into {@code unknown} why something could not be read (into {@code
   * failed} when the region could not be read at all).
   */
  Map<String, List<ServiceUse>> uses(
      Collection<String> roleArns, Set<String> unknown, List<RegionFailure> failed) {
    return uses(roleArns, unknown, failed, false);
  }

  /**
   * As above; with {@code tasks}, also the services, tasks and daemons whose task definitions
   * name the roles as task or execution roles (read once, on first need).
   */
  Map<String, List<ServiceUse>> uses(
      Collection<String> roleArns, Set<String> unknown, List<RegionFailure> failed, boolean tasks) {
    Map<String, List<ServiceUse>> out = infrastructureUses(roleArns, unknown, failed);
    if (tasks && failure == null) {
      for (EcsTaskReader.TaskUser u : taskUsers(failed)) {
        for (String role : roleArns) {
          Set<EcsRoleField> f = DeploymentSignals.fieldsNaming(role, u.refs());
          if (!f.isEmpty()) {
            out.get(role).add(new ServiceUse(region, u.cluster(), u.kind(), u.name(), f,
                List.of(), u.source()));
          }
        }
      }
    }
    return out;
  }

  /** The task users of the region, read once; none (and the failure added) when unreadable. */
  private List<EcsTaskReader.TaskUser> taskUsers(List<RegionFailure> failed) {
    if (taskUsers == null && taskFailure == null) {
      try {
        taskUsers = taskReader.apply(inventory);
      } catch (EcsReadException e) {
        taskFailure = e.failure(region);
      }
    }
    if (taskFailure != null) {
      failed.add(taskFailure);
      return List.of();
    }
    return taskUsers;
  }

  private Map<String, List<ServiceUse>> infrastructureUses(
      Collection<String> roleArns, Set<String> unknown, List<RegionFailure> failed) {
    Map<String, List<ServiceUse>> out = new HashMap<>();
    roleArns.forEach(r -> out.put(r, new ArrayList<>()));
    if (failure != null) {
      failed.add(failure);
      return out;
    }
    for (EcsServiceRecord s : inventory.services()) {
      Map<String, Set<EcsRoleField>> now = new HashMap<>();
      boolean onAsked = false;
      for (String role : roleArns) {
        Set<EcsRoleField> f = EnumSet.noneOf(EcsRoleField.class);
        f.addAll(DeploymentSignals.fieldsNaming(role, s.references()));
        if (onProvider(s, role)) {
          f.add(EcsRoleField.ON_CAPACITY_PROVIDER);
        }
        onAsked |= !f.isEmpty();
        now.put(role, f);
      }
      if (!onAsked && !s.needsDeployments()) {
        continue;
      }
      EcsDeploymentReader.Result d = deployments(s, unknown);
      if (d == null) {
        continue;
      }
      for (String role : roleArns) {
        Set<EcsRoleField> f = now.get(role);
        if (d.revisionsKnown()) {
          if (d.allRevisionRoles().stream().anyMatch(a -> RoleArns.sameRole(a, role))) {
            f.add(EcsRoleField.SERVICE_REVISION);
          }
        } else if (f.isEmpty() && !d.active().isEmpty()) {
          unknown.add(
              "service "
                  + s.service()
                  + " (cluster "
                  + s.cluster()
                  + ", "
                  + region
                  + ") is deploying, and "
                  + d.source()
                  + " does not say which roles the revisions it replaces name");
        }
        if (!f.isEmpty()) {
          out.get(role)
              .add(
                  new ServiceUse(
                      region, s.cluster(), ServiceUse.SERVICE, s.service(), f, d.active(),
                      d.source()));
        }
      }
    }
    for (CapacityProviderRecord cp : inventory.capacityProviders()) {
      for (String role : roleArns) {
        if (RoleArns.sameRole(cp.roleArn(), role)) {
          List<ActiveDeployment> changing = new ArrayList<>();
          if (cp.changing()) {
            changing.add(new ActiveDeployment("capacity provider " + cp.name(), cp.state(), null, null, null));
          }
          changing.addAll(cp.daemonDeployments());
          out.get(role)
              .add(
                  new ServiceUse(
                      region, cp.cluster(), ServiceUse.CAPACITY_PROVIDER, cp.name(),
                      Set.of(EcsRoleField.CAPACITY_PROVIDER), changing,
                      "DescribeCapacityProviders (status " + cp.state()
                          + "), ListDaemons and ListDaemonDeployments"));
        }
      }
    }
    for (GatewayRecord g : inventory.gateways()) {
      for (String role : roleArns) {
        if (RoleArns.sameRole(g.roleArn(), role)) {
          List<ActiveDeployment> changing =
              g.changing()
                  ? List.of(new ActiveDeployment("gateway " + g.name(), String.valueOf(g.status()), null, null, null))
                  : List.of();
          out.get(role)
              .add(
                  new ServiceUse(
                      region, "-", ServiceUse.GATEWAY, g.name(), Set.of(EcsRoleField.GATEWAY),
                      changing, "DescribeGateway (status " + g.status() + ")"));
        }
      }
    }
    return out;
  }

  /** Every role ARN something in the region names (for snapshots); reads deployments as needed. */
  Set<String> namedRoles(Set<String> unknown, List<RegionFailure> failed) {
    Set<String> out = new LinkedHashSet<>();
    if (failure != null) {
      failed.add(failure);
      return out;
    }
    for (EcsServiceRecord s : inventory.services()) {
      s.references().values().forEach(out::addAll);
      boolean onProvider =
          inventory.capacityProviders().stream()
              .anyMatch(cp -> cp.clusterArn().equals(s.clusterArn()) && s.mayRunOn(cp.name()));
      if (s.needsDeployments() || onProvider) {
        EcsDeploymentReader.Result d = deployments(s, unknown);
        if (d != null) {
          out.addAll(d.allRevisionRoles());
        }
      }
    }
    inventory.capacityProviders().forEach(cp -> out.add(cp.roleArn()));
    inventory.gateways().forEach(g -> out.add(g.roleArn()));
    taskUsers(failed).forEach(u -> u.refs().values().forEach(out::addAll));
    return out;
  }

  private boolean onProvider(EcsServiceRecord s, String role) {
    return inventory.capacityProviders().stream()
        .anyMatch(
            cp ->
                cp.clusterArn().equals(s.clusterArn())
                    && RoleArns.sameRole(cp.roleArn(), role)
                    && s.mayRunOn(cp.name()));
  }

  private EcsDeploymentReader.Result deployments(EcsServiceRecord s, Set<String> unknown) {
    String key = s.clusterArn() + " " + s.service();
    if (unreadable.containsKey(key)) {
      unknown.add(unreadable.get(key));
      return null;
    }
    EcsDeploymentReader.Result known = deployments.get(key);
    if (known != null) {
      return known;
    }
    try {
      EcsDeploymentReader.Result r = reader.apply(s);
      deployments.put(key, r);
      return r;
    } catch (EcsReadException e) {
      String reason = e.reason(region) + " (service " + s.service() + ", cluster " + s.cluster() + ")";
      unreadable.put(key, reason);
      unknown.add(reason);
      return null;
    }
  }
}

package dev.rolectl.engine.live.local;

import dev.rolectl.engine.live.EcsRoleField;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Reads the {@code ecs} section of an account file (see {@link LocalEcsState}). */
final class EcsSectionReader {

  LocalEcsState read(Node ecs) {
    if (ecs.object() == null) {
      return LocalEcsState.absent();
    }
    List<LocalEcsState.Cluster> clusters = new ArrayList<>();
    for (Node c : ecs.field("clusters").elements()) {
      String name = c.field("clusterName").requiredText();
      List<LocalEcsState.Service> services = new ArrayList<>();
      for (Node s : c.field("services").elements()) {
        LocalEcsState.Service service = service(s);
        if (service != null) {
          services.add(service);
        }
      }
      if (name != null) {
        clusters.add(new LocalEcsState.Cluster(name, c.field("region").text(), services));
      }
    }
    List<String> regions = ecs.field("regions").strings();
    return new LocalEcsState(
        clusters,
        true,
        regions,
        ecs.has("scannedAt") ? ecs.field("scannedAt").instant() : null)
        .withTaskRoles(ecs.field("taskRoles").bool(false));
  }

  private LocalEcsState.Service service(Node s) {
    String name = s.field("serviceName").requiredText();
    List<LocalEcsState.LoadBalancer> lbs = new ArrayList<>();
    for (Node lb : s.field("loadBalancers").elements()) {
      Node adv = lb.field("advancedConfiguration").object();
      lbs.add(
          new LocalEcsState.LoadBalancer(
              lb.field("targetGroupArn").text(),
              adv == null ? null : adv.field("roleArn").text(),
              adv == null ? null : adv.field("alternateTargetGroupArn").text(),
              adv == null ? null : adv.field("productionListenerRule").text(),
              adv == null ? null : adv.field("testListenerRule").text()));
    }
    Map<EcsRoleField, List<String>> roleArns = new EnumMap<>(EcsRoleField.class);
    Node refs = s.field("roleArns").object();
    if (refs != null) {
      for (String path : refs.fieldNames()) {
        EcsRoleField field = EcsRoleField.fromPath(path).orElse(null);
        if (field == null) {
          refs.field(path).problem("is not a field rolectl knows (see docs/account-files.md)");
          continue;
        }
        roleArns.put(field, refs.field(path).strings());
      }
    }
    List<LocalEcsState.Deployment> deployments = new ArrayList<>();
    for (Node d : s.field("deployments").elements()) {
      deployments.add(
          new LocalEcsState.Deployment(
              d.field("id").text(),
              d.field("status").text(),
              d.field("rolloutState").text(),
              d.field("lifecycleStage").text(),
              d.has("startedAt") ? d.field("startedAt").instant() : d.field("createdAt").instant()));
    }
    return name == null
        ? null
        : new LocalEcsState.Service(
            name, s.field("kind").text(), lbs, roleArns, deployments, s.field("source").text());
  }
}

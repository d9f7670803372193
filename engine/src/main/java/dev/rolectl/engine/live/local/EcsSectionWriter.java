package dev.rolectl.engine.live.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Writes the {@code ecs} section in the shape {@link EcsSectionReader} reads. */
final class EcsSectionWriter {
  private EcsSectionWriter() {}

  static void write(ObjectNode ecs, LocalEcsState state) {
    put(ecs, "scannedAt", state.scannedAt() == null ? null : state.scannedAt().toString());
    if (state.taskRoles()) {
      ecs.put("taskRoles", true);
    }
    if (!state.regions().isEmpty()) {
      ArrayNode regions = ecs.putArray("regions");
      state.regions().forEach(regions::add);
    }
    ArrayNode clusters = ecs.putArray("clusters");
    for (LocalEcsState.Cluster c : state.clusters()) {
      ObjectNode cn = clusters.addObject();
      cn.put("clusterName", c.name());
      put(cn, "region", c.region());
      ArrayNode services = cn.putArray("services");
      for (LocalEcsState.Service s : c.services()) {
        service(services.addObject(), s);
      }
    }
  }

  private static void service(ObjectNode sn, LocalEcsState.Service s) {
    sn.put("serviceName", s.name());
    put(sn, "kind", s.kind());
    ArrayNode lbs = sn.putArray("loadBalancers");
    for (LocalEcsState.LoadBalancer lb : s.loadBalancers()) {
      ObjectNode ln = lbs.addObject();
      put(ln, "targetGroupArn", lb.targetGroupArn());
      if (lb.roleArn() != null
          || lb.alternateTargetGroupArn() != null
          || lb.productionListenerRule() != null
          || lb.testListenerRule() != null) {
        ObjectNode adv = ln.putObject("advancedConfiguration");
        put(adv, "alternateTargetGroupArn", lb.alternateTargetGroupArn());
        put(adv, "productionListenerRule", lb.productionListenerRule());
        put(adv, "testListenerRule", lb.testListenerRule());
        put(adv, "roleArn", lb.roleArn());
      }
    }
    if (!s.roleArns().isEmpty()) {
      ObjectNode refs = sn.putObject("roleArns");
      s.roleArns().forEach((f, arns) -> arns.forEach(refs.putArray(f.path())::add));
    }
    ArrayNode deployments = sn.putArray("deployments");
    for (LocalEcsState.Deployment d : s.deployments()) {
      ObjectNode dn = deployments.addObject();
      put(dn, "id", d.id());
      put(dn, "status", d.status());
      put(dn, "rolloutState", d.rolloutState());
      put(dn, "lifecycleStage", d.lifecycleStage());
      put(dn, "startedAt", d.startedAt() == null ? null : d.startedAt().toString());
    }
    put(sn, "source", s.source());
  }

  private static void put(ObjectNode n, String key, String value) {
    if (value != null) {
      n.put(key, value);
    }
  }
}

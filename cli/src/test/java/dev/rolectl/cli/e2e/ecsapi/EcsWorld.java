package dev.rolectl.cli.e2e.ecsapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ECS state {@link EcsApiServer} serves, per region, built by tests with the API model's own
 * member names (botocore {@code ecs/2014-11-13}): clusters with services ({@code Service}) and
 * capacity providers ({@code CapacityProvider}), service deployments ({@code ServiceDeployment}),
 * service revisions ({@code ServiceRevision}), gateways ({@code Gateway}) and Express gateway
 * services ({@code ECSExpressGatewayService}). Every answer is checked against the model.
 */
public final class EcsWorld {
  static final ObjectMapper JSON = new ObjectMapper();
  public static final String ACCOUNT = "123456789012";

  final Map<String, Region> regions = new LinkedHashMap<>();

  /** One region's state. */
  static final class Region {
    final Map<String, List<ObjectNode>> services = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> capacityProviders = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> deployments = new LinkedHashMap<>();
    final Map<String, ObjectNode> revisions = new LinkedHashMap<>();
    final List<ObjectNode> gateways = new ArrayList<>();
    final Map<String, ObjectNode> express = new LinkedHashMap<>();
    /** Daemon summaries by capacity provider ARN, and deployment summaries by daemon ARN. */
    final Map<String, List<ObjectNode>> daemons = new LinkedHashMap<>();
    final Map<String, List<ObjectNode>> daemonDeployments = new LinkedHashMap<>();
    /** Task definitions ({@code TaskDefinition}) by ARN; any other ARN asked has no roles. */
    final Map<String, ObjectNode> taskDefinitions = new LinkedHashMap<>();
    /** Tasks ({@code Task}) by cluster name. */
    final Map<String, List<ObjectNode>> tasks = new LinkedHashMap<>();
    /** Daemons by cluster ARN ({@code DaemonDetail}), and their revisions and task definitions. */
    final Map<String, List<ObjectNode>> clusterDaemons = new LinkedHashMap<>();
    final Map<String, ObjectNode> daemonRevisions = new LinkedHashMap<>();
    final Map<String, ObjectNode> daemonTaskDefinitions = new LinkedHashMap<>();
  }

  synchronized Region region(String name) {
    return regions.computeIfAbsent(name, k -> new Region());
  }

  /** Sets the status of every service deployment of the region (a deployment ending). */
  public synchronized void setDeploymentStatus(String region, String status) {
    region(region).deployments.values().forEach(l -> l.forEach(d -> d.put("status", status)));
  }

  public synchronized void clear() {
    regions.clear();
  }

  public static String clusterArn(String region, String cluster) {
    return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":cluster/" + cluster;
  }

  /** A cluster without services (it must still be listed and read). */
  public synchronized void cluster(String region, String cluster) {
    region(region).services.computeIfAbsent(cluster, k -> new ArrayList<>());
  }

  /** Adds an ACTIVE service; change the node to shape it. */
  public synchronized ObjectNode service(String region, String cluster, String name) {
    ObjectNode s = JSON.createObjectNode();
    s.put("serviceArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":service/" + cluster + "/" + name);
    s.put("serviceName", name);
    s.put("clusterArn", clusterArn(region, cluster));
    s.put("status", "ACTIVE");
    s.put("desiredCount", 2);
    s.put("runningCount", 2);
    s.putArray("loadBalancers");
    s.putArray("deployments");
    s.put("createdAt", epoch("2026-11-01T00:00:00Z"));
    region(region).services.computeIfAbsent(cluster, k -> new ArrayList<>()).add(s);
    return s;
  }

  /** A blue/green load balancer naming the role ({@code advancedConfiguration.roleArn}). */
  public static void loadBalancer(ObjectNode serviceOrRevision, String roleArn) {
    ObjectNode lb = serviceOrRevision.withArray("loadBalancers").addObject();
    lb.put("targetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":targetgroup/blue/1");
    lb.put("containerName", "app");
    lb.put("containerPort", 80);
    ObjectNode adv = lb.putObject("advancedConfiguration");
    adv.put("alternateTargetGroupArn", "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":targetgroup/green/2");
    adv.put("productionListenerRule", "arn:aws:elasticloadbalancing:us-east-1:" + ACCOUNT + ":listener-rule/app/lb/1/2/3");
    adv.put("roleArn", roleArn);
  }

  /** An entry of {@code Service.deployments[]} (status PRIMARY/ACTIVE/INACTIVE). */
  public static void serviceDeploymentsEntry(ObjectNode service, String id, String status, String rolloutState) {
    ObjectNode d = service.withArray("deployments").addObject();
    d.put("id", id);
    d.put("status", status);
    d.put("taskDefinition", "arn:aws:ecs:us-east-1:" + ACCOUNT + ":task-definition/app:1");
    d.put("createdAt", epoch("2026-11-29T09:00:00Z"));
    if (rolloutState != null) {
      d.put("rolloutState", rolloutState);
    }
  }

  /** Runs the service on a capacity provider ({@code capacityProviderStrategy}). */
  public static void onCapacityProvider(ObjectNode service, String capacityProvider) {
    service.withArray("capacityProviderStrategy").addObject().put("capacityProvider", capacityProvider).put("weight", 1);
  }

  /** A service revision of the service whose load balancer names the role ({@code null}: none). */
  public synchronized String revision(String region, ObjectNode service, String id, String roleArn) {
    String arn = arn(region, "service-revision", service, id);
    ObjectNode r = JSON.createObjectNode();
    r.put("serviceRevisionArn", arn);
    r.put("serviceArn", service.path("serviceArn").asText());
    r.put("clusterArn", service.path("clusterArn").asText());
    r.put("taskDefinition", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/app:" + id);
    r.put("createdAt", epoch("2026-11-29T09:00:00Z"));
    r.putArray("loadBalancers");
    if (roleArn != null) {
      loadBalancer(r, roleArn);
    }
    region(region).revisions.put(arn, r);
    return arn;
  }

  /**
   * A service deployment ({@code ServiceDeployment}); returns its ARN.
   *
   * @param stage the lifecycle stage, {@code null} for none
   */
  public synchronized String serviceDeployment(
      String region, ObjectNode service, String id, String status, String stage,
      List<String> sourceRevisions, String targetRevision) {
    String arn = arn(region, "service-deployment", service, id);
    ObjectNode d = JSON.createObjectNode();
    d.put("serviceDeploymentArn", arn);
    d.put("serviceArn", service.path("serviceArn").asText());
    d.put("clusterArn", service.path("clusterArn").asText());
    d.put("createdAt", epoch("2026-11-29T09:58:00Z"));
    d.put("startedAt", epoch("2026-11-29T09:58:30Z"));
    d.put("status", status);
    if (stage != null) {
      d.put("lifecycleStage", stage);
    }
    ArrayNode sources = d.putArray("sourceServiceRevisions");
    sourceRevisions.forEach(r -> sources.addObject().put("arn", r).put("runningTaskCount", 2));
    if (targetRevision != null) {
      d.putObject("targetServiceRevision").put("arn", targetRevision).put("requestedTaskCount", 2);
    }
    region(region).deployments.computeIfAbsent(service.path("serviceArn").asText(), k -> new ArrayList<>()).add(d);
    service.put("currentServiceDeployment", arn);
    return arn;
  }

  /** A Managed Instances capacity provider of the cluster naming the role. */
  public synchronized ObjectNode capacityProvider(String region, String cluster, String name, String roleArn) {
    ObjectNode cp = JSON.createObjectNode();
    cp.put("capacityProviderArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":capacity-provider/" + name);
    cp.put("name", name);
    cp.put("cluster", cluster);
    cp.put("status", "ACTIVE");
    cp.putObject("managedInstancesProvider").put("infrastructureRoleArn", roleArn);
    cluster(region, cluster);
    region(region).capacityProviders.computeIfAbsent(cluster, k -> new ArrayList<>()).add(cp);
    return cp;
  }

  /** A daemon on the capacity provider ({@code DaemonSummary}); returns its ARN. */
  public synchronized String daemon(String region, ObjectNode capacityProvider, String name) {
    String arn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":daemon/" + name;
    ObjectNode d = JSON.createObjectNode();
    d.put("daemonArn", arn);
    d.put("status", "ACTIVE");
    d.put("createdAt", epoch("2026-11-01T00:00:00Z"));
    region(region).daemons
        .computeIfAbsent(capacityProvider.path("capacityProviderArn").asText(), k -> new ArrayList<>())
        .add(d);
    return arn;
  }

  /** A deployment of the daemon ({@code DaemonDeploymentSummary}); returns its ARN. */
  public synchronized String daemonDeployment(String region, String daemonArn, String id, String status) {
    String arn = daemonArn.replace(":daemon/", ":daemon-deployment/") + "/" + id;
    ObjectNode d = JSON.createObjectNode();
    d.put("daemonDeploymentArn", arn);
    d.put("daemonArn", daemonArn);
    d.put("status", status);
    d.put("createdAt", epoch("2026-11-29T09:58:00Z"));
    region(region).daemonDeployments.computeIfAbsent(daemonArn, k -> new ArrayList<>()).add(d);
    return arn;
  }

  /** Sets the status of every daemon deployment of the region. */
  public synchronized void setDaemonDeploymentStatus(String region, String status) {
    region(region).daemonDeployments.values().forEach(l -> l.forEach(d -> d.put("status", status)));
  }

  /** A gateway naming the role. */
  public synchronized ObjectNode gateway(String region, String name, String roleArn, String status) {
    ObjectNode g = JSON.createObjectNode();
    g.put("gatewayArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":gateway/" + name);
    g.put("name", name);
    g.put("status", status);
    g.put("infrastructureRoleArn", roleArn);
    region(region).gateways.add(g);
    return g;
  }

  /** Makes the service an Express gateway service with this infrastructure role. */
  public synchronized void express(String region, ObjectNode service, String roleArn) {
    service.put("resourceManagementType", "ECS");
    ObjectNode e = JSON.createObjectNode();
    e.put("serviceArn", service.path("serviceArn").asText());
    e.put("serviceName", service.path("serviceName").asText());
    e.put("cluster", service.path("clusterArn").asText());
    e.put("infrastructureRoleArn", roleArn);
    region(region).express.put(service.path("serviceArn").asText(), e);
  }

  /** A task definition naming a task and an execution role (either may be {@code null}); its ARN. */
  public synchronized String taskDefinition(
      String region, String family, int revision, String taskRoleArn, String executionRoleArn) {
    String arn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task-definition/" + family + ":" + revision;
    ObjectNode td = JSON.createObjectNode();
    td.put("taskDefinitionArn", arn);
    td.put("family", family);
    td.put("revision", revision);
    td.put("status", "ACTIVE");
    if (taskRoleArn != null) {
      td.put("taskRoleArn", taskRoleArn);
    }
    if (executionRoleArn != null) {
      td.put("executionRoleArn", executionRoleArn);
    }
    region(region).taskDefinitions.put(arn, td);
    return arn;
  }

  /** Makes the service run the task definition (its own and its PRIMARY deployment's). */
  public static void runs(ObjectNode service, String taskDefinitionArn) {
    service.put("taskDefinition", taskDefinitionArn);
    for (var d : service.withArray("deployments")) {
      if ("PRIMARY".equals(d.path("status").asText())) {
        ((ObjectNode) d).put("taskDefinition", taskDefinitionArn);
      }
    }
  }

  /** A RUNNING task of the cluster ({@code group}: e.g. {@code family:batch}); its node. */
  public synchronized ObjectNode task(
      String region, String cluster, String id, String taskDefinitionArn, String group) {
    ObjectNode t = JSON.createObjectNode();
    t.put("taskArn", "arn:aws:ecs:" + region + ":" + ACCOUNT + ":task/" + cluster + "/" + id);
    t.put("clusterArn", clusterArn(region, cluster));
    t.put("taskDefinitionArn", taskDefinitionArn);
    t.put("group", group);
    t.put("lastStatus", "RUNNING");
    t.put("desiredStatus", "RUNNING");
    cluster(region, cluster);
    region(region).tasks.computeIfAbsent(cluster, k -> new ArrayList<>()).add(t);
    return t;
  }

  /** A daemon of the cluster whose current revision runs a daemon task definition with these roles. */
  public synchronized String clusterDaemon(
      String region, String cluster, String name, String taskRoleArn, String executionRoleArn) {
    String arn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":daemon/" + cluster + "/" + name;
    String rev = arn.replace(":daemon/", ":daemon-revision/") + "/1";
    String tdArn = "arn:aws:ecs:" + region + ":" + ACCOUNT + ":daemon-task-definition/" + name + ":1";
    ObjectNode d = JSON.createObjectNode();
    d.put("daemonArn", arn);
    d.put("clusterArn", clusterArn(region, cluster));
    d.put("status", "ACTIVE");
    d.putArray("currentRevisions").addObject().put("arn", rev).put("totalRunningCount", 1);
    ObjectNode r = JSON.createObjectNode();
    r.put("daemonRevisionArn", rev);
    r.put("daemonArn", arn);
    r.put("daemonTaskDefinitionArn", tdArn);
    ObjectNode td = JSON.createObjectNode();
    td.put("daemonTaskDefinitionArn", tdArn);
    td.put("family", name);
    td.put("revision", 1);
    if (taskRoleArn != null) {
      td.put("taskRoleArn", taskRoleArn);
    }
    if (executionRoleArn != null) {
      td.put("executionRoleArn", executionRoleArn);
    }
    cluster(region, cluster);
    Region reg = region(region);
    reg.clusterDaemons.computeIfAbsent(clusterArn(region, cluster), k -> new ArrayList<>()).add(d);
    reg.daemonRevisions.put(rev, r);
    reg.daemonTaskDefinitions.put(tdArn, td);
    return arn;
  }

  private static String arn(String region, String type, ObjectNode service, String id) {
    String svc = service.path("serviceArn").asText();
    return "arn:aws:ecs:" + region + ":" + ACCOUNT + ":" + type + "/" + svc.substring(svc.indexOf("service/") + 8) + "/" + id;
  }

  static double epoch(String instant) {
    return Instant.parse(instant).getEpochSecond();
  }
}

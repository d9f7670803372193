package dev.rolectl.cli.e2e.ecsapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The ECS operations {@link EcsApiServer} answers, as the API reference describes them: list
 * operations page with {@code maxResults}/{@code nextToken} (and the server's forced page size),
 * describe operations report what they cannot find under {@code failures}, {@code
 * ListServiceDeployments} filters by {@code status} when asked to, {@code
 * DescribeCapacityProviders} with a cluster gives that cluster's providers.
 */
final class EcsOperations {
  private final EcsWorld world;
  int pageSize;

  EcsOperations(EcsWorld world) {
    this.world = world;
  }

  /** The answer, or {@code null} for an operation the server does not implement. */
  JsonNode answer(String region, String op, JsonNode in) {
    EcsWorld.Region r = world.region(region);
    return switch (op) {
      case "ListClusters" -> page(in, "clusterArns", strings(r.services.keySet().stream()
          .map(c -> EcsWorld.clusterArn(region, c)).toList()), 100);
      case "ListServices" -> page(in, "serviceArns", strings(services(r, in.path("cluster").asText())
          .stream().map(s -> s.path("serviceArn").asText()).toList()), 10);
      case "DescribeServices" -> describeServices(r, in);
      case "DescribeCapacityProviders" -> page(in, "capacityProviders",
          nodes(r.capacityProviders.getOrDefault(name(in.path("cluster").asText()), List.of())), 10);
      case "ListGateways" -> page(in, "gateways", nodes(r.gateways.stream().map(EcsOperations::summary).toList()), 100);
      case "DescribeGateway" -> r.gateways.stream()
          .filter(g -> g.path("gatewayArn").asText().equals(in.path("gateway").asText())
              || g.path("name").asText().equals(in.path("gateway").asText()))
          .findFirst().map(g -> (JsonNode) obj().set("gateway", g)).orElse(obj());
      case "DescribeExpressGatewayService" -> obj().set("service",
          r.express.get(in.path("serviceArn").asText()));
      case "ListServiceDeployments" -> listServiceDeployments(r, in);
      case "ListDaemons" -> {
        List<JsonNode> out = new ArrayList<>();
        in.path("capacityProviderArns").forEach(cp -> out.addAll(r.daemons.getOrDefault(cp.asText(), List.of())));
        if (!in.has("capacityProviderArns") && in.has("clusterArn")) {
          for (ObjectNode d : r.clusterDaemons.getOrDefault(in.path("clusterArn").asText(), List.of())) {
            ObjectNode summary = obj();
            summary.put("daemonArn", d.path("daemonArn").asText());
            summary.put("status", d.path("status").asText());
            out.add(summary);
          }
        }
        yield page(in, "daemonSummariesList", out, 100);
      }
      case "DescribeDaemon" -> {
        ObjectNode found = null;
        for (List<ObjectNode> l : r.clusterDaemons.values()) {
          for (ObjectNode d : l) {
            if (d.path("daemonArn").asText().equals(in.path("daemonArn").asText())) {
              found = d;
            }
          }
        }
        yield found == null ? obj() : (JsonNode) obj().set("daemon", found);
      }
      case "DescribeDaemonRevisions" -> describe(in.path("daemonRevisionArns"), "daemonRevisions",
          List.copyOf(r.daemonRevisions.values()), "daemonRevisionArn");
      case "DescribeDaemonTaskDefinition" -> obj().set("daemonTaskDefinition",
          r.daemonTaskDefinitions.get(in.path("daemonTaskDefinition").asText()));
      case "ListTasks" -> page(in, "taskArns", strings(r.tasks.getOrDefault(
          name(in.path("cluster").asText("default")), List.of()).stream()
          .filter(t -> !in.has("desiredStatus")
              || t.path("desiredStatus").asText().equals(in.path("desiredStatus").asText()))
          .map(t -> t.path("taskArn").asText()).toList()), 100);
      case "DescribeTasks" -> {
        List<ObjectNode> all = r.tasks.getOrDefault(name(in.path("cluster").asText("default")), List.of());
        yield describe(in.path("tasks"), "tasks", all, "taskArn");
      }
      case "DescribeTaskDefinition" -> obj().set("taskDefinition",
          taskDefinition(r, in.path("taskDefinition").asText()));
      case "ListDaemonDeployments" -> page(in, "daemonDeployments",
          nodes(r.daemonDeployments.getOrDefault(in.path("daemonArn").asText(), List.of())), 100);
      case "DescribeServiceDeployments" -> describe(in.path("serviceDeploymentArns"),
          "serviceDeployments", all(r.deployments), "serviceDeploymentArn");
      case "DescribeServiceRevisions" -> describe(in.path("serviceRevisionArns"),
          "serviceRevisions", List.copyOf(r.revisions.values()), "serviceRevisionArn");
      default -> null;
    };
  }

  private JsonNode describeServices(EcsWorld.Region r, JsonNode in) {
    List<ObjectNode> services = services(r, in.path("cluster").asText());
    ArrayNode out = EcsApiServer.array();
    ArrayNode failures = EcsApiServer.array();
    for (JsonNode asked : in.path("services")) {
      services.stream()
          .filter(s -> s.path("serviceArn").asText().equals(asked.asText())
              || s.path("serviceName").asText().equals(asked.asText()))
          .findFirst()
          .ifPresentOrElse(out::add, () -> failures.addObject().put("arn", asked.asText()).put("reason", "MISSING"));
    }
    ObjectNode o = obj();
    o.set("services", out);
    o.set("failures", failures);
    return o;
  }

  private JsonNode listServiceDeployments(EcsWorld.Region r, JsonNode in) {
    Set<String> statuses = new HashSet<>();
    in.path("status").forEach(s -> statuses.add(s.asText()));
    List<JsonNode> briefs = new ArrayList<>();
    for (ObjectNode d : r.deployments.getOrDefault(in.path("service").asText(), List.of())) {
      if (statuses.isEmpty() || statuses.contains(d.path("status").asText())) {
        ObjectNode b = obj();
        for (String f : List.of("serviceDeploymentArn", "serviceArn", "clusterArn", "startedAt",
            "createdAt", "finishedAt", "status", "statusReason")) {
          if (d.has(f)) {
            b.set(f, d.get(f));
          }
        }
        if (d.has("targetServiceRevision")) {
          b.put("targetServiceRevisionArn", d.path("targetServiceRevision").path("arn").asText());
        }
        briefs.add(b);
      }
    }
    return page(in, "serviceDeployments", briefs, 20);
  }

  private static JsonNode describe(JsonNode asked, String key, List<ObjectNode> from, String arnField) {
    ArrayNode out = EcsApiServer.array();
    ArrayNode failures = EcsApiServer.array();
    for (JsonNode a : asked) {
      from.stream().filter(x -> x.path(arnField).asText().equals(a.asText())).findFirst()
          .ifPresentOrElse(out::add, () -> failures.addObject().put("arn", a.asText()).put("reason", "MISSING"));
    }
    ObjectNode o = obj();
    o.set(key, out);
    o.set("failures", failures);
    return o;
  }

  private ObjectNode page(JsonNode in, String key, List<JsonNode> items, int defaultMax) {
    int max = in.path("maxResults").asInt(defaultMax);
    if (pageSize > 0) {
      max = Math.min(max, pageSize);
    }
    int from = in.hasNonNull("nextToken") ? Integer.parseInt(in.path("nextToken").asText()) : 0;
    int to = Math.min(items.size(), from + max);
    ObjectNode o = obj();
    ArrayNode a = o.putArray(key);
    items.subList(from, to).forEach(a::add);
    if (to < items.size()) {
      o.put("nextToken", String.valueOf(to));
    }
    return o;
  }

  private static List<ObjectNode> services(EcsWorld.Region r, String cluster) {
    return r.services.getOrDefault(name(cluster.isEmpty() ? "default" : cluster), List.of());
  }

  private static List<ObjectNode> all(Map<String, List<ObjectNode>> m) {
    List<ObjectNode> out = new ArrayList<>();
    m.values().forEach(out::addAll);
    return out;
  }

  /**
   * The task definition of that ARN; one the test did not define has no roles (every task
   * definition a service names exists, as in ECS).
   */
  private static ObjectNode taskDefinition(EcsWorld.Region r, String arn) {
    ObjectNode known = r.taskDefinitions.get(arn);
    if (known != null) {
      return known;
    }
    ObjectNode td = obj();
    td.put("taskDefinitionArn", arn);
    String last = name(arn);
    td.put("family", last.contains(":") ? last.substring(0, last.indexOf(':')) : last);
    td.put("status", "ACTIVE");
    return td;
  }

  private static ObjectNode summary(ObjectNode g) {
    ObjectNode s = obj();
    s.put("gatewayArn", g.path("gatewayArn").asText());
    s.put("name", g.path("name").asText());
    s.put("status", g.path("status").asText());
    return s;
  }

  private static List<JsonNode> strings(List<String> s) {
    return s.stream().map(v -> (JsonNode) EcsWorld.JSON.getNodeFactory().textNode(v)).toList();
  }

  private static List<JsonNode> nodes(List<ObjectNode> n) {
    return new ArrayList<>(n);
  }

  static String name(String arnOrName) {
    return arnOrName.substring(arnOrName.lastIndexOf('/') + 1);
  }

  private static ObjectNode obj() {
    return EcsWorld.JSON.createObjectNode();
  }
}

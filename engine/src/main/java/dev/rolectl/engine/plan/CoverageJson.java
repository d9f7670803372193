package dev.rolectl.engine.plan;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rolectl.engine.live.RegionFailure;
import java.util.ArrayList;
import java.util.List;

/**
 * The parts of a plan file's {@code ecs} object besides {@code regions} and {@code clusters}:
 *
 * <pre>{@code
 * "failures": [{"service": "ecs", "operation": "ListClusters",
 *     "error": "HTTP 400 AccessDeniedException", "organizationDenied": true,
 *     "regions": ["af-south-1", ...],
 *     "reason": "an organization policy denies ListClusters in <region> (...): ..."}],
 * "notChecked": {"regions": ["af-south-1", ...], "reason": "denied by organization policy"},
 * "organizationDeniedRegions": ["*"]
 * }</pre>
 *
 * Each failure is one line of the plan, whatever the number of its regions; its {@code reason}
 * (what AWS said and what to do) is said once, with {@value RegionFailure#REGION} standing for
 * each of its {@code regions}. Members with
 * nothing to say are left out; absent members read as empty.
 */
final class CoverageJson {
  private CoverageJson() {}

  static void write(ObjectNode ecs, EcsCoverage c) {
    if (!c.failures().isEmpty()) {
      failures(ecs.putArray("failures"), c);
    }
    if (!c.notChecked().isEmpty()) {
      ObjectNode notChecked = ecs.putObject("notChecked");
      c.notChecked().forEach(notChecked.putArray("regions")::add);
      notChecked.put("reason", RegionFailure.DENIED_BY_ORGANIZATION);
    }
    if (!c.organizationDeniedRegions().isEmpty()) {
      c.organizationDeniedRegions().forEach(ecs.putArray("organizationDeniedRegions")::add);
    }
  }

  private static void failures(ArrayNode failures, EcsCoverage c) {
    for (RegionFailure f : c.failures()) {
      ObjectNode n = failures.addObject();
      n.put("service", f.serviceKey());
      n.put("operation", f.operation());
      n.put("error", f.error());
      n.put("organizationDenied", f.organizationDenied());
      f.regions().forEach(n.putArray("regions")::add);
      n.put("reason", f.reason());
    }
  }

  static EcsCoverage read(JsonNode ecs, List<String> regions, List<String> clusters) {
    List<RegionFailure> failures = new ArrayList<>();
    for (JsonNode f : ecs.path("failures")) {
      List<String> where = strings(f.path("regions"));
      if (where.isEmpty()) {
        throw new PlanFormatException("ecs.failures: an entry without regions");
      }
      failures.add(new RegionFailure(
          f.path("service").asText("ecs").toUpperCase(java.util.Locale.ROOT),
          f.path("operation").asText(""), f.path("error").asText(""), "",
          f.path("reason").asText(""),
          f.path("organizationDenied").asBoolean(false), where));
    }
    return new EcsCoverage(regions, clusters, failures,
        strings(ecs.path("notChecked").path("regions")),
        strings(ecs.path("organizationDeniedRegions")));
  }

  private static List<String> strings(JsonNode n) {
    List<String> out = new ArrayList<>();
    n.forEach(v -> out.add(v.asText()));
    return out;
  }
}

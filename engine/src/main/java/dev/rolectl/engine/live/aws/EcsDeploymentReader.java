package dev.rolectl.engine.live.aws;

import dev.rolectl.engine.live.ActiveDeployment;
import dev.rolectl.engine.live.DeploymentSignals;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.ListServiceDeploymentsResponse;
import software.amazon.awssdk.services.ecs.model.ServiceDeployment;
import software.amazon.awssdk.services.ecs.model.ServiceDeploymentBrief;

/**
 * The pending and ongoing deployments of one service: {@code ListServiceDeployments} with the
 * active statuses (100 a page, looping on {@code nextToken}: the SDK has no paginator for it), then
 * {@code DescribeServiceDeployments} (20 ARNs a call) for the lifecycle stage. A failed describe
 * only leaves the stage unknown: the list already says the deployment is active.
 */
final class EcsDeploymentReader {
  static final int PAGE = 100;
  static final int DESCRIBE_BATCH = 20;

  private final EcsClient ecs;

  EcsDeploymentReader(EcsClient ecs) {
    this.ecs = ecs;
  }

  /**
   * Active deployments, oldest first.
   *
   * @throws SdkException when the list call fails (the caller decides: API missing, or unknown)
   */
  List<ActiveDeployment> active(EcsServiceRecord service) {
    List<ServiceDeploymentBrief> briefs = new ArrayList<>();
    String token = null;
    do {
      String next = token;
      ListServiceDeploymentsResponse page =
          ecs.listServiceDeployments(
              r ->
                  r.cluster(service.clusterArn())
                      .service(
                          service.serviceArn() != null ? service.serviceArn() : service.service())
                      .statusWithStrings(DeploymentSignals.ACTIVE_STATUSES)
                      .maxResults(PAGE)
                      .nextToken(next));
      briefs.addAll(page.serviceDeployments());
      token = page.nextToken();
    } while (token != null && !token.isEmpty());
    Map<String, String> stages = stages(briefs);
    List<ActiveDeployment> out = new ArrayList<>();
    for (ServiceDeploymentBrief b : briefs) {
      if (!DeploymentSignals.isCompletedStatus(b.statusAsString())) {
        out.add(
            new ActiveDeployment(
                b.serviceDeploymentArn(),
                b.statusAsString() == null ? "UNKNOWN" : b.statusAsString(),
                null,
                stages.get(b.serviceDeploymentArn()),
                b.startedAt() != null ? b.startedAt() : b.createdAt()));
      }
    }
    out.sort(
        Comparator.comparing(
            ActiveDeployment::startedAt, Comparator.nullsLast(Comparator.naturalOrder())));
    return out;
  }

  private Map<String, String> stages(List<ServiceDeploymentBrief> briefs) {
    Map<String, String> stages = new HashMap<>();
    List<String> arns = briefs.stream().map(ServiceDeploymentBrief::serviceDeploymentArn).toList();
    for (int i = 0; i < arns.size(); i += DESCRIBE_BATCH) {
      List<String> batch = arns.subList(i, Math.min(arns.size(), i + DESCRIBE_BATCH));
      try {
        for (ServiceDeployment d :
            ecs.describeServiceDeployments(r -> r.serviceDeploymentArns(batch))
                .serviceDeployments()) {
          stages.put(d.serviceDeploymentArn(), d.lifecycleStageAsString());
        }
      } catch (SdkException e) {
        // the stage is detail: the deployment is active whatever its stage
      }
    }
    return stages;
  }
}
